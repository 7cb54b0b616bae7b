// CT2003 cap-drop-all-missing: the container keeps Docker's default capabilities because it never
// drops ALL (pure core layer).

import { runtimeRule, type Hit } from '../rule';
import { ALL_CAPS, effectiveCaps, normalizeCap } from '../../model/capabilities';
import { hitAt, knownTrue, spelled } from './util1';

export default runtimeRule(
  {
    id: 'CT2003',
    name: 'cap-drop-all-missing',
    title: 'Capabilities are not dropped (no cap_drop: [ALL])',
    defaultSeverity: 'warning',
    appliesTo: ['compose', 'shell', 'markdown'],
    explanation:
      "Root's power in Linux is split into capabilities (capabilities(7)), and the kernel checks the one it needs before each privileged operation. Docker starts every container with 14 of them: CHOWN, DAC_OVERRIDE, FSETID, FOWNER, MKNOD, NET_RAW, SETGID, SETUID, SETFCAP, SETPCAP, NET_BIND_SERVICE, SYS_CHROOT, KILL and AUDIT_WRITE. " +
      'They are meant for ordinary root work inside the container, yet several help an intruder: DAC_OVERRIDE ignores file permissions, NET_RAW crafts raw packets (ARP and DNS spoofing on the container network), MKNOD creates device nodes, SETUID/SETGID switch to any user, and every kernel bug that needs one of them is in reach. ' +
      'Most programs need none of them when they run as a non-root user, and only one or two (often NET_BIND_SERVICE, or SETUID/SETGID for an entrypoint that drops to another user) when they run as root. ' +
      'Dropping ALL and adding back the few that are needed makes the container hold exactly those: Docker applies `cap_drop` before `cap_add`. Dropping a few by name is better than nothing but still keeps the rest, so only ALL counts here. Privileged containers are left to CT2001, because privileged mode ignores `cap_drop`.',
    remediation:
      'Add `cap_drop: [ALL]` (`--cap-drop ALL`) and then `cap_add` only what the program proves to need: run it, read the `Operation not permitted` errors, and add the one capability each names. The finding lists the capabilities the container holds today.',
    references: [
      { title: 'capabilities(7)', url: 'https://man7.org/linux/man-pages/man7/capabilities.7.html' },
      {
        title: 'docker run reference: runtime privilege and Linux capabilities',
        url: 'https://docs.docker.com/engine/containers/run/#runtime-privilege-and-linux-capabilities',
      },
      { title: 'Compose file reference: cap_drop', url: 'https://docs.docker.com/reference/compose-file/services/#cap_drop' },
      {
        title: 'CIS Docker Benchmark 5.3: Ensure that Linux kernel capabilities are restricted within containers',
        url: 'https://www.cisecurity.org/benchmark/docker',
      },
    ],
    peers: {
      kics: ['Container Capabilities Unrestricted'],
      composeLint: ['CL-0006'],
      cis: ['5.3'],
    },
    bad: [
      {
        kind: 'compose',
        bad: 'services:\n  web:\n    image: nginx:1.27\n',
        fixed: 'services:\n  web:\n    image: nginx:1.27\n    cap_drop: [ALL]\n',
      },
      // Dropping some by name still leaves the rest.
      {
        kind: 'compose',
        bad: 'services:\n  web:\n    image: nginx:1.27\n    cap_drop:\n      - NET_RAW\n',
        fixed: 'services:\n  web:\n    image: nginx:1.27\n    cap_drop:\n      - NET_RAW\n      - ALL\n',
      },
      {
        kind: 'shell',
        bad: '#!/bin/sh\ndocker run -d -p 8080:80 nginx:1.27\n',
        fixed: '#!/bin/sh\ndocker run -d -p 8080:80 --cap-drop ALL nginx:1.27\n',
      },
      {
        kind: 'markdown',
        bad: 'Start it:\n\n```bash\ndocker run --rm --cap-add NET_ADMIN example/vpn:1.0\n```\n',
        fixed: 'Start it:\n\n```bash\ndocker run --rm --cap-add NET_ADMIN --cap-drop ALL example/vpn:1.0\n```\n',
      },
    ],
    good: [
      { kind: 'compose', text: 'services:\n  web:\n    image: nginx:1.27\n    cap_drop: [ALL]\n    cap_add: [NET_BIND_SERVICE]\n' },
      { kind: 'compose', text: 'services:\n  web:\n    image: nginx:1.27\n    cap_drop:\n      - all\n' },
      { kind: 'shell', text: '#!/bin/sh\ndocker run --cap-drop=ALL --cap-add=NET_BIND_SERVICE nginx:1.27\n' },
      { kind: 'shell', text: '#!/bin/sh\ndocker run --cap-drop all --user 1001 example/app:1.0\n' },
      // Privileged containers are CT2001's business.
      { kind: 'compose', text: 'services:\n  dind:\n    image: docker:27-dind\n    privileged: true\n' },
      // The drop list comes from a variable: it may well be ALL.
      { kind: 'compose', text: 'services:\n  web:\n    image: nginx:1.27\n    cap_drop: ["${DROP_CAPS}"]\n' },
    ],
  },
  (spec): Hit[] => {
    if (knownTrue(spec.privileged)) return [];
    if (spec.capDrop.some((d) => d.unknown || normalizeCap(d.value) === 'ALL')) return [];
    const adds = spec.capAdd.filter((a) => !a.unknown).map((a) => a.value);
    const unknownAdds = spec.capAdd.length - adds.length;
    const caps = effectiveCaps(
      adds,
      spec.capDrop.map((d) => d.value),
    );
    const held = caps.size === ALL_CAPS.length ? 'every capability' : `${caps.size} capabilities (${[...caps].join(', ')})`;
    const more = unknownAdds > 0 ? `, plus ${unknownAdds === 1 ? 'one' : unknownAdds} from variables` : '';
    const drop = spelled(spec, 'cap_drop: [ALL]', '--cap-drop ALL', 'capability drop of ALL');
    return [
      hitAt(
        spec,
        spec.anchor,
        `No ${drop} in ${spec.label}, so the container holds ${held}${more}; most programs need none or one of them.`,
        spec.fixer?.addCapDropAll?.(),
      ),
    ];
  },
);
