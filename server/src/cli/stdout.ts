// Standard output of the CLI without process.stdout (CLI layer). Creating process.stdout builds a
// stream (for a terminal, a pipe or a file, each its own class and the modules behind it): about
// 9 million instructions of a 30-line Dockerfile's lint, 2 % of the whole process. The report is
// one string written at once, so a synchronous write of the bytes does the same job.

import { writeSync } from 'node:fs';
import { isatty } from 'node:tty';

/** Whether standard output is a terminal (process.stdout.isTTY, without creating the stream). */
export function stdoutIsTTY(): boolean {
  return isatty(1);
}

/**
 * Writes to standard output. What the descriptor does not take at once (a non-blocking pipe that
 * is full: EAGAIN) or cannot take (EPIPE) goes through process.stdout, which waits or reports as
 * before.
 */
export function writeStdout(s: string): void {
  const bytes = Buffer.from(s, 'utf8');
  let written = 0;
  try {
    while (written < bytes.length) written += writeSync(1, bytes, written, bytes.length - written);
  } catch {
    process.stdout.write(bytes.subarray(written));
  }
}
