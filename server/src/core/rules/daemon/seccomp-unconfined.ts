// CT4012 daemon-seccomp-unconfined: seccomp is off for every container that does not name a
// profile (pure core layer).

import { daemonRule, type Hit } from '../rule';
import { t } from '../../types';
import { CIS_URL, entry, stringValue } from './daemonUtil';

export const SECCOMP_DEFAULT_SIDE_EFFECT =
  'programs that need a system call Docker\'s default profile blocks will fail with "operation not permitted"';
export const SECCOMP_DEFAULT_SIDE_EFFECT_ZH = '需要 Docker 默认配置文件所拦截的系统调用的程序会失败，并报错 "operation not permitted"';

export default daemonRule(
  {
    id: 'CT4012',
    name: 'daemon-seccomp-unconfined',
    title: 'seccomp is turned off for every container',
    defaultSeverity: 'error',
    appliesTo: ['daemon'],
    explanation:
      "seccomp filters the system calls a container may make. Docker's default profile blocks more than forty that ordinary programs never need but exploits love (`keyctl`, `bpf`, `userfaultfd`, `kexec_load`, and `clone`/`unshare` with namespace flags without CAP_SYS_ADMIN), which has turned several kernel vulnerabilities into non-events for containers. " +
      '`"seccomp-profile": "unconfined"` in daemon.json removes that filter from every container that does not ask for a profile itself: the whole kernel interface is open to all of them. ' +
      'It is the daemon-wide form of `--security-opt seccomp=unconfined`, with a much larger reach.',
    remediation:
      "Remove the key so containers get Docker's default profile, or point it at a custom profile (an absolute path) built from the default. A single container that needs more can get its own profile with `--security-opt seccomp=<file>`.",
    zh: {
      title: '所有容器的 seccomp 都被关闭',
      explanation:
        'seccomp 过滤容器可以发起的系统调用。Docker 的默认配置文件拦截了四十多个普通程序从来用不到、漏洞利用却很喜欢的系统调用（`keyctl`、`bpf`、`userfaultfd`、`kexec_load`，以及没有 CAP_SYS_ADMIN 时带命名空间标志的 `clone`/`unshare`），这已经让好几个内核漏洞对容器来说无关紧要。' +
        'daemon.json 中的 `"seccomp-profile": "unconfined"` 会为所有没有自行指定配置文件的容器移除这层过滤：整个内核接口都向它们敞开。' +
        '它是 `--security-opt seccomp=unconfined` 的守护进程级别形式，影响范围要大得多。',
      remediation:
        '删除这个键，让容器使用 Docker 的默认配置文件，或者让它指向一个基于默认配置文件构建的自定义配置文件（使用绝对路径）。需要更多系统调用的单个容器可以用 `--security-opt seccomp=<file>` 获得自己的配置文件。',
    },
    references: [
      { title: 'Seccomp security profiles for Docker', url: 'https://docs.docker.com/engine/security/seccomp/' },
      {
        title: 'CIS Docker Benchmark v1.6.0 2.17: Ensure that a daemon-wide custom seccomp profile is applied if appropriate',
        url: CIS_URL,
      },
    ],
    peers: { cis: ['2.17 (v1.6.0; 2.15 in v1.2.0)'] },
    bad: [{ bad: '{\n  "icc": false,\n  "seccomp-profile": "unconfined"\n}\n', fixed: '{\n  "icc": false\n}\n' }],
    good: ['{\n  "seccomp-profile": "/etc/docker/seccomp.json"\n}\n', '{\n  "seccomp-profile": "builtin"\n}\n', '{}\n'],
  },
  (model): Hit[] => {
    const e = entry(model, 'seccomp-profile');
    if (!e || stringValue(model, 'seccomp-profile') !== 'unconfined') return [];
    return [
      {
        range: e.valueRange,
        message: t(
          'seccomp is off for every container that does not name a profile: the whole system call interface of the kernel is open to them.',
          '所有没有指定配置文件的容器都关闭了 seccomp：内核的整个系统调用接口都向它们敞开。',
        ),
        fixes: [
          {
            title: t(
              `Remove "seccomp-profile" so containers get Docker's default profile (side effect: ${SECCOMP_DEFAULT_SIDE_EFFECT})`,
              `删除 "seccomp-profile"，让容器使用 Docker 的默认配置文件（副作用：${SECCOMP_DEFAULT_SIDE_EFFECT_ZH}）`,
            ),
            edits: model.edit.remove('seccomp-profile'),
          },
        ],
      },
    ];
  },
);
