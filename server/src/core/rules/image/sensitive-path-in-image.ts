// CT1017 sensitive-path-in-image: WORKDIR or VOLUME at or under /proc, /sys, /dev or /boot, and
// VOLUMEs for container-engine sockets (pure core layer).

import { imageRule, type Hit } from '../rule';
import { t } from '../../types';
import type { ImageModel, Instr, Stage, Word } from '../../model/image';
import { chainInstructions, chainOf, resolveWord } from './stageChain';
import { bare, rangeWithin } from './wordEdit';
import { zh } from './zh';

const KERNEL_DIRS: Record<string, { en: string; zh: string }> = {
  '/proc': { en: "/proc, the kernel's view of processes and its tunables", zh: '/proc（内核对进程的视图及其可调参数）' },
  '/sys': { en: "/sys, the kernel's interface to devices, drivers and cgroups", zh: '/sys（内核面向设备、驱动和 cgroup 的接口）' },
  '/dev': { en: '/dev, where device nodes live', zh: '/dev（设备节点所在的目录）' },
  '/boot': { en: '/boot, where a host keeps its kernel and boot loader', zh: '/boot（主机存放内核和引导加载程序的地方）' },
};

/** Engine sockets: a VOLUME here means the image expects control of the container engine. */
const ENGINE_SOCKETS = [
  '/var/run/docker.sock',
  '/run/docker.sock',
  '/var/run/containerd/containerd.sock',
  '/run/containerd/containerd.sock',
  '/run/podman/podman.sock',
  '/var/run/crio/crio.sock',
  '/run/crio/crio.sock',
  '/run/buildkit/buildkitd.sock',
];

/** Joins and normalises a path the way WORKDIR does: relative to the current directory, `.`/`..` resolved. */
export function normalizePath(path: string, cwd = '/'): string {
  const parts: string[] = [];
  for (const seg of (path.startsWith('/') ? path : `${cwd}/${path}`).split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  return `/${parts.join('/')}`;
}

function under(path: string, dir: string): boolean {
  return path === dir || path.startsWith(`${dir}/`);
}

/** Why a path is sensitive, or undefined. /dev/shm is the container's own IPC tmpfs and is fine. */
function kernelDir(path: string): { en: string; zh: string } | undefined {
  if (under(path, '/dev/shm')) return undefined;
  const dir = Object.keys(KERNEL_DIRS).find((d) => under(path, d));
  return dir ? KERNEL_DIRS[dir] : undefined;
}

/** The paths of a VOLUME instruction with the word each comes from (JSON or plain form). */
function volumePaths(instr: Instr): { path: string; word: Word }[] {
  return instr.args
    .map((w) => ({
      path: bare(
        w.value
          .replace(/^\[\s*/, '')
          .replace(/\s*,?\s*\]?\s*$/, '')
          .replace(/,$/, ''),
      ),
      word: w,
    }))
    .filter((p) => p.path !== '');
}

function stageHits(model: ImageModel, stage: Stage): Hit[] {
  const hits: Hit[] = [];
  const chain = chainOf(model, stage);
  let cwd = '/';
  for (const instr of chainInstructions(chain)) {
    const own = instr.stage === stage.index;
    if (instr.keyword === 'WORKDIR' && instr.args[0]) {
      const raw = bare(instr.args.map((a) => a.value).join(' '));
      const resolved = resolveWord(model, chain, instr, raw);
      if (resolved === undefined) continue;
      cwd = normalizePath(resolved, cwd);
      const why = kernelDir(cwd);
      if (own && why) {
        const boot = under(cwd, '/boot');
        hits.push({
          range: { start: instr.args[0].range.start, end: instr.args[instr.args.length - 1].range.end },
          message: t(
            `WORKDIR ${raw}${cwd !== raw ? ` (${cwd})` : ''} works inside ${why.en}: ${
              boot
                ? 'no place for application files, and a path people mount from the host.'
                : 'the runtime mounts its own filesystem there when the container starts, so the application would work on kernel interfaces or device nodes, not on its own files.'
            }`,
            zh`WORKDIR ${raw}${cwd !== raw ? `（${cwd}）` : ''}位于${why.zh}之内：${
              boot
                ? '这里不是放应用文件的地方，而且人们常会从主机挂载这个路径。'
                : '容器启动时，运行时会在那里挂载它自己的文件系统，于是应用操作的将是内核接口或设备节点，而不是它自己的文件。'
            }`,
          ),
        });
      }
    } else if (instr.keyword === 'VOLUME' && own) {
      for (const { path, word } of volumePaths(instr)) {
        const resolved = resolveWord(model, chain, instr, path);
        if (resolved === undefined) continue;
        const p = normalizePath(resolved, '/');
        const range = rangeWithin(model.doc, word.range, path);
        const shown = p !== path ? `${path} (${p})` : path;
        const shownZh = p !== path ? `${path}（${p}）` : path;
        if (ENGINE_SOCKETS.includes(p)) {
          hits.push({
            range,
            message: t(
              `VOLUME ${shown} expects the container engine's socket to be mounted, which gives the container control of the engine and root on the host.`,
              zh`VOLUME ${shownZh}期望挂载容器引擎的套接字，这会让容器控制引擎，并获得主机上的 root 权限。`,
            ),
          });
          continue;
        }
        const why = kernelDir(p);
        if (why) {
          hits.push({
            range,
            message: t(
              `VOLUME ${shown} declares a volume over ${why.en}: it invites mounting the host's copy into the container.`,
              zh`VOLUME ${shownZh}在${why.zh}上声明了一个卷：这等于邀请别人把主机上的同一目录挂载进容器。`,
            ),
          });
        }
      }
    }
  }
  return hits;
}

export default imageRule(
  {
    id: 'CT1017',
    name: 'sensitive-path-in-image',
    title: 'WORKDIR or VOLUME points into /proc, /sys, /dev or /boot',
    defaultSeverity: 'warning',
    appliesTo: ['dockerfile'],
    explanation:
      "`/proc`, `/sys` and `/dev` are not ordinary directories in a container: the runtime mounts the kernel's procfs, sysfs and a private device directory there when the container starts, and filters what the container may see and change. `/boot` is where a host keeps its kernel and boot loader. " +
      "A `VOLUME` on one of them asks whoever runs the image to mount something there, and the usual answer, mounting the host's `/proc`, `/sys`, `/dev` or `/boot`, hands the container host kernel tunables, every host device, other processes' memory and environment, or the host's kernel image: ways out of the container. A `WORKDIR` there makes the application read and write kernel interfaces instead of its own files, and usually means a path variable went wrong. " +
      "A `VOLUME` for a container-engine socket (`/var/run/docker.sock`, `/run/containerd/containerd.sock`, Podman's and CRI-O's sockets) is reported too: it says the image expects to drive the engine, and access to the engine socket is root on the host. " +
      "Decisions: `/dev/shm` is the container's own shared-memory tmpfs and is not reported; `/run` and `/var/run` as a whole are not reported (a `VOLUME /run` is odd but not an isolation problem). All stages are checked, and a relative `WORKDIR` is resolved against the previous one.",
    remediation:
      "Keep application files under a directory of their own (`/app`, `/srv`, `/data`) and declare volumes there. If the application needs information from `/proc` or `/sys`, let it read the container's own view, which needs no volume. " +
      'For a tool that manages containers, prefer a narrowly scoped API proxy, or rootless Docker/Podman, over mounting the engine socket, and document the mount instead of declaring a VOLUME for it.',
    zh: {
      title: 'WORKDIR 或 VOLUME 指向 /proc、/sys、/dev 或 /boot',
      explanation:
        '在容器中，`/proc`、`/sys` 和 `/dev` 不是普通目录：容器启动时，运行时会在那里挂载内核的 procfs、sysfs 和一个私有的设备目录，并过滤容器能看到和修改的内容。`/boot` 是主机存放内核和引导加载程序的地方。' +
        '在其中某个目录上声明 `VOLUME`，就是要求运行镜像的人在那里挂载点什么，而通常的做法，即挂载主机的 `/proc`、`/sys`、`/dev` 或 `/boot`，会把主机的内核可调参数、主机的每个设备、其他进程的内存和环境变量，或者主机的内核镜像交给容器：这些都是逃出容器的途径。把 `WORKDIR` 设在那里，会让应用读写内核接口而不是它自己的文件，而且这通常意味着某个路径变量出了错。' +
        '为容器引擎套接字（`/var/run/docker.sock`、`/run/containerd/containerd.sock`、Podman 和 CRI-O 的套接字）声明的 `VOLUME` 也会被报告：它表明镜像期望操控容器引擎，而能访问引擎套接字就等于拥有主机上的 root 权限。' +
        '几点取舍：`/dev/shm` 是容器自己的共享内存 tmpfs，不会被报告；`/run` 和 `/var/run` 整体不会被报告（`VOLUME /run` 虽然奇怪，但不是隔离问题）。所有阶段都会检查，相对路径的 `WORKDIR` 会基于前一个 `WORKDIR` 解析。',
      remediation:
        '把应用文件放在专属目录下（`/app`、`/srv`、`/data`），并在那里声明卷。如果应用需要 `/proc` 或 `/sys` 中的信息，就让它读取容器自己的视图，这不需要任何卷。' +
        '对于管理容器的工具，优先使用范围受限的 API 代理，或者 rootless Docker/Podman，而不是挂载引擎套接字；并在文档中说明这个挂载，而不是为它声明 VOLUME。',
    },
    references: [
      { title: 'Dockerfile reference: VOLUME', url: 'https://docs.docker.com/reference/dockerfile/#volume' },
      { title: 'Dockerfile reference: WORKDIR', url: 'https://docs.docker.com/reference/dockerfile/#workdir' },
      { title: 'proc(5)', url: 'https://man7.org/linux/man-pages/man5/proc.5.html' },
      { title: 'sysfs(5)', url: 'https://man7.org/linux/man-pages/man5/sysfs.5.html' },
      {
        title: 'Docker Engine security: the daemon attack surface',
        url: 'https://docs.docker.com/engine/security/#docker-daemon-attack-surface',
      },
    ],
    peers: { trivy: ['DS030'] },
    bad: [
      { bad: 'FROM alpine:3.20\nWORKDIR /proc/app\nCOPY . .\n' },
      { bad: 'FROM debian:bookworm\nVOLUME ["/sys/fs/cgroup", "/data"]\n' },
      { bad: 'FROM alpine:3.20\nVOLUME /data /dev\n' },
      { bad: 'FROM docker:27-cli\nVOLUME /var/run/docker.sock\nENTRYPOINT ["docker"]\n' },
      { bad: 'FROM alpine:3.20\nARG KERNEL_DIR=/boot\nWORKDIR $KERNEL_DIR\n' },
      // A relative WORKDIR continues from the previous one.
      { bad: 'FROM alpine:3.20\nWORKDIR /\nWORKDIR sys/kernel\n' },
      { bad: 'FROM alpine:3.20\nVOLUME [ "/proc" ]\n' },
    ],
    good: [
      'FROM alpine:3.20\nWORKDIR /app\nVOLUME ["/app/data", "/var/log/app"]\n',
      // Names that only start like a kernel directory.
      'FROM alpine:3.20\nWORKDIR /devtools\nVOLUME /proceeds /system /bootstrap\n',
      // The container's own shared-memory tmpfs.
      'FROM alpine:3.20\nWORKDIR /dev/shm/scratch\n',
      'FROM alpine:3.20\nVOLUME /run/app\n',
      'FROM alpine:3.20\nARG DIR\nWORKDIR $DIR\n',
    ],
  },
  (model): Hit[] => model.stages.flatMap((s) => stageHits(model, s)),
);
