// CT1017 sensitive-path-in-image: WORKDIR or VOLUME at or under /proc, /sys, /dev or /boot, and
// VOLUMEs for container-engine sockets (pure core layer).

import { imageRule, type Hit } from '../rule';
import type { ImageModel, Instr, Stage, Word } from '../../model/image';
import { chainInstructions, chainOf, resolveWord } from './stageChain';
import { bare, rangeWithin } from './wordEdit';

const KERNEL_DIRS: Record<string, string> = {
  '/proc': "/proc, the kernel's view of processes and its tunables",
  '/sys': "/sys, the kernel's interface to devices, drivers and cgroups",
  '/dev': '/dev, where device nodes live',
  '/boot': '/boot, where a host keeps its kernel and boot loader',
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
function kernelDir(path: string): string | undefined {
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
        hits.push({
          range: { start: instr.args[0].range.start, end: instr.args[instr.args.length - 1].range.end },
          message: `WORKDIR ${raw}${cwd !== raw ? ` (${cwd})` : ''} works inside ${why}: ${
            under(cwd, '/boot')
              ? 'no place for application files, and a path people mount from the host.'
              : 'the runtime mounts its own filesystem there when the container starts, so the application would work on kernel interfaces or device nodes, not on its own files.'
          }`,
        });
      }
    } else if (instr.keyword === 'VOLUME' && own) {
      for (const { path, word } of volumePaths(instr)) {
        const resolved = resolveWord(model, chain, instr, path);
        if (resolved === undefined) continue;
        const p = normalizePath(resolved, '/');
        const range = rangeWithin(model.doc, word.range, path);
        const shown = p !== path ? `${path} (${p})` : path;
        if (ENGINE_SOCKETS.includes(p)) {
          hits.push({
            range,
            message: `VOLUME ${shown} expects the container engine's socket to be mounted, which gives the container control of the engine and root on the host.`,
          });
          continue;
        }
        const why = kernelDir(p);
        if (why) {
          hits.push({
            range,
            message: `VOLUME ${shown} declares a volume over ${why}: it invites mounting the host's copy into the container.`,
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
