// Starts the private dockerd of scripts/engine/dockerd.mjs for a test file, or says why it cannot:
// in CI (CI=true) a missing engine fails the suite; on a user's machine the suite skips, naming
// what is missing.

import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export interface PrivateEngine {
  dir: string;
  socket: string;
  /** `unix:///tmp/ctm-dockerd-XXXX/docker.sock` */
  host: string;
  pid: number;
  image: string;
  api(method: string, path: string, body?: unknown): Promise<{ status: number; body: string }>;
  stop(): Promise<void>;
}

interface DockerdModule {
  IMAGE: string;
  missingParts(): string[];
  ensureInstalled(opts?: { log?: (s: string) => void }): void;
  startDockerd(opts?: { timeoutMs?: number; log?: (s: string) => void }): Promise<PrivateEngine>;
}

export const inCi = process.env.CI === 'true' || process.env.CI === '1';

/** The .mjs script, loaded at run time (it has no type declarations of its own). */
export async function dockerdModule(): Promise<DockerdModule> {
  const path = join(__dirname, '..', '..', 'scripts', 'engine', 'dockerd.mjs');
  return (await import(path)) as DockerdModule;
}

export type EngineStart = { engine: PrivateEngine; skip?: undefined } | { engine?: undefined; skip: string };

/**
 * Starts an engine. In CI, parts that are missing are installed (apt, as root) and any failure
 * throws; elsewhere nothing is installed and the reason to skip is returned.
 */
export async function startPrivateEngine(): Promise<EngineStart> {
  const mod = await dockerdModule();
  if (process.env.CONTAINMENT_ENGINE_TESTS === 'off') {
    if (inCi) throw new Error('CONTAINMENT_ENGINE_TESTS=off, but CI needs the engine tests');
    return { skip: 'the engine tests are turned off (CONTAINMENT_ENGINE_TESTS=off)' };
  }
  if (process.platform !== 'linux') return { skip: 'the engine tests need Linux (a private dockerd)' };
  if (inCi) mod.ensureInstalled();
  const missing = mod.missingParts();
  if (missing.length > 0) {
    return {
      skip: `no private Docker engine: missing ${missing.join(', ')} (install with: sudo node scripts/engine/dockerd.mjs install)`,
    };
  }
  if (process.getuid?.() !== 0) {
    if (inCi) throw new Error('the engine tests run dockerd and must run as root in CI');
    return { skip: 'a private dockerd needs root; run the engine tests as root' };
  }
  try {
    return { engine: await mod.startDockerd() };
  } catch (e) {
    if (inCi) throw e;
    return { skip: `the private dockerd did not start: ${(e as Error).message.split('\n')[0]}` };
  }
}

/** The docker CLI that docker.io installs beside dockerd (tests run real `docker run` lines with it). */
export function dockerCli(): string | undefined {
  for (const p of ['/usr/bin/docker', '/usr/local/bin/docker']) {
    const r = spawnSync(p, ['--version'], { encoding: 'utf8' });
    if (r.status === 0) return p;
  }
  return undefined;
}
