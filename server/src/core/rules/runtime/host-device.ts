// CT2011 host-device: a host device node is passed into the container with `devices:` / `--device`
// (pure core layer).

import { runtimeRule, type Hit } from '../rule';
import { t, type Localized, type Severity } from '../../types';
import { hitAt } from './util1';
import { zh } from '../image/zh';

interface DeviceRisk {
  re: RegExp;
  severity: Severity;
  /** What the device gives the container, completing "it gives the container …" (使它获得……). */
  gives: Localized;
}

/** Known devices, the first match decides; anything else is a warning. */
const DEVICES: DeviceRisk[] = [
  {
    re: /^\/dev\/(mem|kmem|port)$/,
    severity: 'error',
    gives: t(
      "raw access to the host's physical memory or I/O ports, around every kernel protection",
      '对宿主机物理内存或 I/O 端口的原始访问，绕过内核的所有保护',
    ),
  },
  {
    re: /^\/dev\/((sd|hd|vd|xvd)[a-z]+\d*|nvme\d+n\d+(p\d+)?|mmcblk\d+(p\d+)?|dm-\d+|md\d+|loop\d+|nbd\d+|mapper\/.+|disk\/.+)$/,
    severity: 'error',
    gives: t(
      'a raw host disk: reading or writing it bypasses every file permission on the filesystems it holds',
      '一块原始的宿主机磁盘：读写它会绕过其上各个文件系统的所有文件权限',
    ),
  },
  {
    re: /^\/dev\/kvm$/,
    severity: 'warning',
    gives: t(
      "KVM, so it can run virtual machines and reach the kernel's hypervisor code",
      'KVM，因此它可以运行虚拟机并触及内核的虚拟机管理程序代码',
    ),
  },
  {
    re: /^\/dev\/fuse$/,
    severity: 'warning',
    gives: t(
      'FUSE, so with SYS_ADMIN it can mount filesystems served by its own programs',
      'FUSE，因此有了 SYS_ADMIN 之后，它能挂载由自己的程序提供的文件系统',
    ),
  },
  {
    re: /^\/dev\/bus\/usb(\/.*)?$/,
    severity: 'warning',
    gives: t('raw USB access, including to devices it can reprogram', '原始的 USB 访问，包括对它能重新编程的设备的访问'),
  },
  {
    re: /^\/dev\/(tty\d*|console|vcsa?\d*)$/,
    severity: 'warning',
    gives: t('a host terminal, where it can read or inject keystrokes', '一个宿主机终端，它可以在那里读取或注入按键'),
  },
  {
    re: /^\/dev\/net\/tun$/,
    severity: 'info',
    gives: t(
      'TUN/TAP, so it can create virtual network interfaces in its own network namespace (VPNs)',
      'TUN/TAP，因此它能在自己的网络 namespace 中创建虚拟网络接口（用于 VPN）',
    ),
  },
  {
    re: /^\/dev\/(dri(\/.*)?|nvidia.*|snd(\/.*)?|video\d+|ttyUSB\d+|ttyACM\d+|ttyS\d+|hidraw\d+|i2c-\d+|gpiochip\d+)$/,
    severity: 'info',
    gives: t(
      'a piece of hardware (GPU, sound, camera or serial adapter) and its kernel driver',
      '一件硬件（GPU、声卡、摄像头或串口适配器）及其内核驱动',
    ),
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
    zh: {
      title: '宿主机设备被传入容器',
      explanation:
        '`/dev` 下的设备节点是通向内核驱动和硬件的门。容器通常只能看到少数几个无害的设备（`null`、`zero`、`random`、`tty`……），其余的即使是 root 也会被设备 cgroup 拒绝。`devices:`（`--device`）在容器中创建一个宿主机设备节点，并按给定的权限（`r`、`w`，以及表示 mknod 的 `m`；默认三者都有）把它加入 cgroup 的允许列表。' +
        '暴露了什么取决于设备。原始磁盘（`/dev/sda`、`/dev/nvme0n1`、`/dev/mapper/…`）或 `/dev/mem` 不经任何文件权限检查就交出宿主机的数据：这些即使只读也报告为错误。`/dev/kvm`、`/dev/fuse`、原始 USB 和宿主机终端会扩大内核攻击面或触及其他用户：报告为警告。GPU、声卡、摄像头、串口适配器和 `/dev/net/tun` 对需要它们的工作负载来说很正常，报告为信息，提醒你它们的驱动运行在宿主机内核中。' +
        '其他设备报告为警告。CDI 名称（`vendor.com/class=name`）报告为信息：它们带来哪些设备节点和挂载，由厂商的规范决定。',
      remediation:
        '只传入程序用到的设备，并给最小的权限（只读时用 `/dev/ttyUSB0:/dev/ttyUSB0:r`，不要 `m`）。对于存储，在宿主机上挂载文件系统，再绑定挂载其中的目录，而不是传入磁盘。对于 GPU，优先使用厂商的设备请求（`--gpus`、`deploy.resources.reservations.devices`）或 CDI，它们只传入 GPU 的设备节点。',
    },
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
            t(
              `CDI device ${raw} is passed into ${spec.label}; its vendor specification decides which host device nodes and mounts it brings.`,
              `CDI 设备 ${raw} 被传入 ${spec.label}；它会带来哪些宿主机设备节点和挂载，由厂商的规范决定。`,
            ),
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
      const ro = perms !== undefined && !/[wm]/.test(perms);
      const readOnly = ro ? ' read-only' : '';
      const gives = risk?.gives ?? t('direct access to a host device and its kernel driver', '对宿主机设备及其内核驱动的直接访问');
      hits.push(
        hitAt(
          spec,
          d.origin,
          t(
            `Host device ${host} is passed${readOnly} into ${spec.label}, giving it ${gives.en}.`,
            zh`宿主机设备 ${host} 被${ro ? '以只读方式' : ''}传入 ${spec.label}，使它获得${gives['zh-CN']}。`,
          ),
          undefined,
          risk?.severity ?? 'warning',
        ),
      );
    }
    return hits;
  },
);
