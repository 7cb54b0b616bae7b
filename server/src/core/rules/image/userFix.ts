// The "run as a non-root user" fix shared by no-user (CT1001) and root-user (CT1002): a user
// created the way the base image family expects, placed after the last RUN of the final stage
// (package installs still run as root) and before CMD/ENTRYPOINT (pure core layer).

import { t, type Text } from '../../types';
import type { ImageModel, Instr, Stage } from '../../model/image';
import { appendAfterLast, insertBefore } from './instrInsert';
import type { RuleFix } from '../rule';

const USER_NAME = 'app';

/** Lines that create a system user and switch to it, for the stage's base image family. */
export function userBlock(stage: Stage): { lines: string[]; title: Text } {
  const repo = stage.from.repository ?? '';
  if (/(^|\/)node$/.test(repo) && stage.family !== 'unknown') {
    return { lines: ['USER node'], title: t('Run as the image\'s non-root user "node"', '以镜像自带的非 root 用户 "node" 运行') };
  }
  switch (stage.family) {
    case 'alpine':
      return {
        lines: [`RUN addgroup -S ${USER_NAME} && adduser -S -G ${USER_NAME} -H ${USER_NAME}`, `USER ${USER_NAME}`],
        title: t(
          `Add a non-root user "${USER_NAME}" (Alpine: addgroup/adduser -S)`,
          `添加非 root 用户 "${USER_NAME}"（Alpine：addgroup/adduser -S）`,
        ),
      };
    case 'debian':
    case 'rhel':
      return {
        lines: [
          `RUN groupadd --system ${USER_NAME} && useradd --system --gid ${USER_NAME} --no-create-home ${USER_NAME}`,
          `USER ${USER_NAME}`,
        ],
        title: t(
          `Add a non-root user "${USER_NAME}" (groupadd/useradd --system)`,
          `添加非 root 用户 "${USER_NAME}"（groupadd/useradd --system）`,
        ),
      };
    case 'distroless':
      return { lines: ['USER nonroot:nonroot'], title: t('Run as the image\'s "nonroot" user', '以镜像自带的 "nonroot" 用户运行') };
    default:
      return {
        lines: ['USER 10001:10001'],
        title: t('Run as a numeric non-root user (10001:10001)', '以数字 ID 的非 root 用户运行（10001:10001）'),
      };
  }
}

/**
 * Where the USER block goes: after the stage's last RUN (or USER), before the CMD/ENTRYPOINT that
 * follows it; undefined when that is the end of the stage (the end of the file: the stage is the final one).
 */
export function userInsertBefore(stage: Stage): Instr | undefined {
  const instrs = stage.instructions;
  let lastRun = 0;
  instrs.forEach((i, idx) => {
    if (i.keyword === 'RUN' || i.keyword === 'USER') lastRun = idx;
  });
  for (let idx = lastRun + 1; idx < instrs.length; idx++) {
    const k = instrs[idx].keyword;
    if (k === 'CMD' || k === 'ENTRYPOINT') return instrs[idx];
  }
  return undefined;
}

/** A non-root user the stage already switched to earlier (USER app … USER root): reuse it. */
function earlierNonRootUser(stage: Stage): string | undefined {
  for (let i = stage.users.length - 1; i >= 0; i--) {
    const u = stage.users[i];
    if (u.isRoot === false) return u.raw;
  }
  return undefined;
}

export function nonRootUserFix(model: ImageModel, stage: Stage): RuleFix | undefined {
  const earlier = earlierNonRootUser(stage);
  const block = earlier
    ? { lines: [`USER ${earlier}`], title: t(`Switch back to the non-root user "${earlier}"`, `切换回非 root 用户 "${earlier}"`) }
    : userBlock(stage);
  const before = userInsertBefore(stage);
  // At the end, an instruction left open there (an unterminated here-document) would take the
  // USER in, and moving it above the last RUN would change who runs that RUN: no fix then.
  const edit = before ? insertBefore(model, before, block.lines) : appendAfterLast(model, block.lines);
  if (!edit) return undefined;
  return { title: block.title, edits: [edit], safe: false };
}
