// An in-memory EngineClient over recorded engine answers (test/fixtures/engine), for what cannot run
// on the test machine: privileged containers, AppArmor, SELinux, cgroup v2, Podman, remote hosts.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { matches, type Connection, type EngineClient, type InspectResult } from '../../server/src/engine/client';
import { containerGone } from '../../server/src/engine/errors';
import type { FsSnapshot } from '../../server/src/engine/proc';
import type { ListedContainer, RawContainer, RawImage, RawInfo } from '../../server/src/engine/raw';

export function fixture<T>(name: string): T {
  return JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'engine', name), 'utf8')) as T;
}

export const snapshot = (name: string): FsSnapshot => fixture<FsSnapshot>(name);

export const LOCAL_DOCKER: Connection = {
  kind: 'docker',
  access: 'cli',
  cliPath: '/usr/bin/docker',
  endpoint: 'unix:///var/run/docker.sock',
  cli: 'docker',
  local: true,
};

export const REMOTE_DOCKER: Connection = {
  kind: 'docker',
  access: 'cli',
  cliPath: '/usr/bin/docker',
  endpoint: 'ssh://deploy@build-01.example.internal',
  context: 'build-01',
  cli: 'docker',
  local: false,
};

export class FakeClient implements EngineClient {
  execCalls: string[][] = [];
  constructor(
    public connection: Connection,
    private readonly infoData: RawInfo,
    private readonly containers: RawContainer[],
    private readonly images = new Map<string, RawImage>(),
    private readonly execOutput?: string,
  ) {}
  ready = async () => this.connection;
  info = async () => this.infoData;
  list = async (all: boolean): Promise<ListedContainer[]> =>
    this.containers
      .filter((c) => all || c.State?.Running)
      .map((c) => ({
        id: c.Id,
        name: (c.Name ?? '').replace(/^\//, ''),
        image: c.Config?.Image ?? '',
        state: c.State?.Status ?? '',
        status: 'Up 2 hours',
      }));
  inspect = async (refs: string[]): Promise<InspectResult> => {
    const found = refs.map((r) => this.containers.find((c) => matches(c, r))).filter((c): c is RawContainer => !!c);
    return { found, missing: refs.filter((r) => !this.containers.some((c) => matches(c, r))) };
  };
  inspectImages = async (refs: string[]) => new Map(refs.filter((r) => this.images.has(r)).map((r) => [r, this.images.get(r)!]));
  exec = async (ref: string, argv: string[]) => {
    this.execCalls.push([ref, ...argv]);
    if (this.execOutput === undefined) throw containerGone(ref);
    return this.execOutput;
  };
}
