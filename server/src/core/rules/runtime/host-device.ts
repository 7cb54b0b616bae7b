// CT2011 host-device: a host device node is passed into the container with `devices:` / `--device`
// (pure core layer).

import { runtimeRule, type Hit } from '../rule';
import type { Severity } from '../../types';
import { hitAt } from './util1';

interface DeviceRisk {
  re: RegExp;
  severity: Severity;
  /** What the device gives the container, completing "it gives the container …". */
  gives: string;
}

/** Known devices, the first match decides; anything else is a warning. */
const DEVICES: DeviceRisk[] = [
  {
    re: /^\/dev\/(mem|kmem|port)$/,
    severity: 'error',
    gives: "raw access to the host's physical memory or I/O ports, around every kernel protection",
  },
  {
    re: /^\/dev\/((sd|hd|vd|xvd)[a-z]+\d*|nvme\d+n\d+(p\d+)?|mmcblk\d+(p\d+)?|dm-\d+|md\d+|loop\d+|nbd\d+|mapper\/.+|disk\/.+)$/,
    severity: 'error',
    gives: 'a raw host disk: reading or writing it bypasses every file permission on the filesystems it holds',
  },
  { re: /^\/dev\/kvm$/, severity: 'warning', gives: "KVM, so it can run virtual machines and reach the kernel's hypervisor code" },
  { re: /^\/dev\/fuse$/, severity: 'warning', gives: 'FUSE, so with SYS_ADMIN it can mount filesystems served by its own programs' },
  { re: /^\/dev\/bus\/usb(\/.*)?$/, severity: 'warning', gives: 'raw USB access, including to devices it can reprogram' },
  { re: /^\/dev\/(tty\d*|console|vcsa?\d*)$/, severity: 'warning', gives: 'a host terminal, where it can read or inject keystrokes' },
  {
    re: /^\/dev\/net\/tun$/,
    severity: 'info',
    gives: 'TUN/TAP, so it can create virtual network interfaces in its own network namespace (VPNs)',
  },
  {
    re: /^\/dev\/(dri(\/.*)?|nvidia.*|snd(\/.*)?|video\d+|ttyUSB\d+|ttyACM\d+|ttyS\d+|hidraw\d+|i2c-\d+|gpiochip\d+)$/,
    severity: 'info',
    gives: 'a piece of hardware (GPU, sound, camera or serial adapter) and its kernel driver',
  },
];

export default runtimeRule(
  {
    id: 'CT2011',
    name: 'host-device',
    title: 'A host device is passed into the container',
    defaultSeverity: 'warning',
    appliesTo: ['compose', 'shell', 'markdown'],
    explanation:
      "Device nodes under `/dev` are doors into kernel drivers and hardware. A container normally sees only a few harmless ones (`null`, `zero`, `random`, `tty`…), and the device cgroup refuses the rest even to root. `devices:` (`--device`) creates a host device node in the container and adds it to the cgroup's allow list, with the permissions given (`r`, `w`, `m` for mknod; all three by default). " +
      "What that exposes depends on the device. A raw disk (`/dev/sda`, `/dev/nvme0n1`, `/dev/mapper/…`) or `/dev/mem` gives the host's data without any file permission check: those are errors, even read-only. `/dev/kvm`, `/dev/fuse`, raw USB and host terminals widen the kernel surface or reach other users: warnings. GPUs, sound, cameras, serial adapters and `/dev/net/tun` are normal for the workloads that ask for them and are information, as a reminder that their drivers run in the host kernel. " +
      "Other devices are warnings. CDI names (`vendor.com/class=name`) are information: the vendor's specification decides which nodes and mounts they bring.",
    remediation:
      "Pass only the device the program uses, with the least permission (`/dev/ttyUSB0:/dev/ttyUSB0:r` when it only reads, no `m`). For storage, mount the filesystem on the host and bind the folder instead of passing the disk. For GPUs prefer the vendor's device request (`--gpus`, `deploy.resources.reservations.devices`) or CDI, which pass only the GPU's nodes.",
    references: [
      { title: 'docker run reference: --device', url: 'https://docs.docker.com/reference/cli/docker/container/run/#device' },
      { title: 'Compose file reference: devices', url: 'https://docs.docker.com/reference/compose-file/services/#devices' },
      {
        title: 'Linux kernel documentation: device controller (cgroup v1)',
        url: 'https://docs.kernel.org/admin-guide/cgroup-v1/devices.html',
      },
      {
        title: 'CIS Docker Benchmark 5.17: Ensure that host devices are not directly exposed to containers',
        url: 'https://www.cisecurity.org/benchmark/docker',
      },
    ],
    peers: {
      composeLint: ['CL-0016'],
      cis: ['5.17'],
    },
    bad: [
      { kind: 'compose', bad: 'services:\n  imager:\n    image: example/imager:1.0\n    devices:\n      - /dev/sda:/dev/xvda:rwm\n' },
      { kind: 'compose', bad: 'services:\n  vm:\n    image: example/qemu:1.0\n    devices:\n      - /dev/kvm\n' },
      { kind: 'shell', bad: '#!/bin/sh\ndocker run --rm --device=/dev/fuse --cap-add SYS_ADMIN example/sshfs:1.0\n' },
      { kind: 'shell', bad: '#!/bin/sh\ndocker run -d --device /dev/ttyUSB0 example/zigbee2mqtt:1.0\n' },
    ],
    good: [
      { kind: 'compose', text: 'services:\n  web:\n    image: nginx:1.27\n' },
      // GPUs through a device request, not a device node.
      { kind: 'shell', text: '#!/bin/sh\ndocker run --gpus all example/cuda-app:1.0\n' },
      { kind: 'compose', text: 'services:\n  radio:\n    image: example/radio:1.0\n    devices:\n      - "${RADIO_DEVICE}:/dev/radio"\n' },
    ],
  },
  (spec): Hit[] => {
    const hits: Hit[] = [];
    for (const d of spec.devices) {
      if (d.unknown) continue;
      const raw = d.value.trim();
      if (!raw.startsWith('/')) {
        hits.push(
          hitAt(
            spec,
            d.origin,
            `CDI device ${raw} is passed into ${spec.label}; its vendor specification decides which host device nodes and mounts it brings.`,
            undefined,
            'info',
          ),
        );
        continue;
      }
      // Docker's forms: host, host:perms, host:container, host:container:perms.
      const parts = raw.split(':');
      const host = parts[0];
      const perms = parts.length === 3 ? parts[2] : parts.length === 2 && /^[rwm]+$/.test(parts[1]) ? parts[1] : undefined;
      const risk = DEVICES.find((r) => r.re.test(host));
      const readOnly = perms !== undefined && !/[wm]/.test(perms) ? ' read-only' : '';
      hits.push(
        hitAt(
          spec,
          d.origin,
          `Host device ${host} is passed${readOnly} into ${spec.label}, giving it ${risk?.gives ?? 'direct access to a host device and its kernel driver'}.`,
          undefined,
          risk?.severity ?? 'warning',
        ),
      );
    }
    return hits;
  },
);
