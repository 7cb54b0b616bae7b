// CT2030 seccomp-profile-weak: the custom seccomp profile a container names lets through calls
// Docker's default profile refuses, allows everything it does not list, or is one Docker refuses.
// analyze() reads the profile (link/seccompLink.ts) and records a summary in the spec (pure core layer).

import { runtimeRule, type Hit } from '../rule';
import type { SeccompProfileLink } from '../../model/runtime';
import { t, type Localized } from '../../types';
import { joinZh, zh } from '../image/zh';
import { hitAt, securityOpts } from './util1';

function list(names: string[], max = 5): string {
  if (names.length > max) return `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : names.join('');
}

function listZh(names: string[], max = 5): string {
  if (names.length > max) return `${names.slice(0, max).join('、')} 以及另外 ${names.length - max} 个`;
  return joinZh(names);
}

function summary(p: SeccompProfileLink): { text: Localized; severity: 'warning' | 'info' } | undefined {
  if (p.errors.length > 0) {
    const n = p.errors.length;
    return {
      text: t(
        `has ${n === 1 ? 'a problem' : `${n} problems`} that make Docker refuse it (first: ${p.errors[0]})`,
        `有${n === 1 ? '一' : ` ${n} `}个会让 Docker 拒绝它的问题（第一个：${p.errors[0]}）`,
      ),
      severity: 'warning',
    };
  }
  if (p.allowsByDefault) {
    return {
      text: t('allows every system call it does not list (a deny-list)', '放行所有它没有列出的系统调用（拒绝列表式的配置）'),
      severity: 'info',
    };
  }
  if (p.allowsBeyondDefault.length > 0) {
    return {
      text: t(
        `allows ${list(p.allowsBeyondDefault)}, which Docker's default profile blocks or allows only with a capability or argument filter`,
        `放行了 ${listZh(p.allowsBeyondDefault)}，而 Docker 的默认配置文件会拦截这些调用，或者只在具备相应 capability 或满足参数过滤条件时才放行`,
      ),
      severity: 'info',
    };
  }
  return undefined;
}

export default runtimeRule(
  {
    id: 'CT2030',
    name: 'seccomp-profile-weak',
    title: "The custom seccomp profile is weaker than Docker's default or is refused",
    defaultSeverity: 'info',
    appliesTo: ['compose', 'shell', 'markdown'],
    explanation:
      "A custom seccomp profile (`seccomp=./profile.json`) replaces Docker's default system call filter for that container. When Containment can read the file, it checks it like any profile and sums up here what matters for this container: calls it allows that Docker's default profile refuses or restricts (for example `mount`, `unshare` or `keyctl`), whether it lets through every call it does not list, and whether Docker would refuse it altogether. " +
      'The details, with exact places and fixes, are in the profile itself: open it to see the seccomp findings (CT3001-CT3014). This summary is information, or a warning when Docker would refuse the profile.',
    remediation:
      "Open the profile and address its findings: keep `defaultAction` at `SCMP_ACT_ERRNO`, and allow the calls Docker's default restricts only with the same condition (`includes.caps`, or the default's argument filter).",
    zh: {
      title: '自定义 seccomp 配置文件比 Docker 的默认配置宽松，或者会被拒绝',
      explanation:
        '自定义 seccomp 配置文件（`seccomp=./profile.json`）会替换该容器的 Docker 默认系统调用过滤器。Containment 能读取这个文件时，会像检查其他配置文件一样检查它，并在这里概括对这个容器重要的内容：它放行了哪些被 Docker 默认配置文件拒绝或限制的调用（例如 `mount`、`unshare` 或 `keyctl`），它是否放行所有没有列出的调用，以及 Docker 是否会干脆拒绝它。' +
        '细节（包括确切的位置和修复方法）在配置文件本身里：打开它即可看到 seccomp 的检查结果（CT3001-CT3014）。这份概括报告为信息；如果 Docker 会拒绝这个配置文件，则报告为警告。',
      remediation:
        '打开配置文件并处理其中报告的问题：让 `defaultAction` 保持为 `SCMP_ACT_ERRNO`；对于 Docker 默认配置会加以限制的调用，只在相同的条件下放行（`includes.caps`，或默认配置中的参数过滤）。',
    },
    references: [
      { title: 'Seccomp security profiles for Docker', url: 'https://docs.docker.com/engine/security/seccomp/' },
      { title: "Docker's default profile (moby/profiles)", url: 'https://github.com/moby/profiles/blob/main/seccomp/default.json' },
    ],
    peers: {},
    bad: [
      {
        kind: 'compose',
        bad: 'services:\n  app:\n    image: example/app:1.0\n    security_opt:\n      - seccomp=./profile.json\n',
        files: {
          'profile.json':
            '{ "defaultAction": "SCMP_ACT_ERRNO", "syscalls": [{ "names": ["read", "write", "execve", "exit_group", "mount", "unshare"], "action": "SCMP_ACT_ALLOW" }] }',
        },
      },
      {
        kind: 'shell',
        bad: '#!/bin/sh\ndocker run --security-opt seccomp=profile.json example/app:1.0\n',
        files: {
          'profile.json': '{ "defaultAction": "SCMP_ACT_ALLOW", "syscalls": [{ "names": ["reboot"], "action": "SCMP_ACT_ERRNO" }] }',
        },
      },
    ],
    good: [
      {
        kind: 'compose',
        text: 'services:\n  app:\n    image: example/app:1.0\n    security_opt:\n      - seccomp=./profile.json\n',
        files: {
          'profile.json':
            '{ "defaultAction": "SCMP_ACT_ERRNO", "syscalls": [{ "names": ["read", "write", "execve", "exit_group"], "action": "SCMP_ACT_ALLOW" }, { "names": ["mount"], "action": "SCMP_ACT_ALLOW", "includes": { "caps": ["CAP_SYS_ADMIN"] } }] }',
        },
      },
    ],
  },
  (spec): Hit[] =>
    securityOpts(spec, 'seccomp').flatMap((o) => {
      const s = o.profile?.exists ? summary(o.profile) : undefined;
      return s
        ? [
            hitAt(
              spec,
              o.origin,
              t(
                `The seccomp profile ${o.profile!.path} used by ${spec.label} ${s.text.en}. Open it for details.`,
                zh`${spec.label} 使用的 seccomp 配置文件 ${o.profile!.path} ${s.text['zh-CN']}。打开它可以查看详情。`,
              ),
              undefined,
              s.severity,
            ),
          ]
        : [];
    }),
);
