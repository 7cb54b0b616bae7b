// A fake Docker Engine API on a unix socket, for faults a real engine will not produce on demand:
// one that never answers, a socket proxy that forbids, an engine too old, garbage, and 200
// containers. The docker CLI talks to it too (it strips the /v1.NN prefix like the daemon).

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { RawContainer, RawImage, RawInfo } from '../../server/src/engine/raw';

export interface FakeEngineOptions {
  containers?: RawContainer[];
  images?: RawImage[];
  info?: RawInfo;
  apiVersion?: string;
  /** `hang`: accept and never answer; `forbidden`: 403 to everything; `garbage`: invalid JSON. */
  mode?: 'normal' | 'hang' | 'forbidden' | 'garbage';
}

export interface FakeEngine {
  socket: string;
  host: string;
  requests: string[];
  close(): Promise<void>;
}

export async function startFakeEngine(opts: FakeEngineOptions = {}): Promise<FakeEngine> {
  const dir = mkdtempSync('/tmp/ctm-fake-engine-');
  const socket = join(dir, 'docker.sock');
  const requests: string[] = [];
  const sockets = new Set<Socket>();
  const containers = opts.containers ?? [];
  const json = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'Content-Type': 'application/json', 'Api-Version': opts.apiVersion ?? '1.41' });
    res.end(JSON.stringify(body));
  };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://docker');
    const path = url.pathname.replace(/^\/v\d+\.\d+/, '');
    requests.push(`${req.method} ${path}`);
    if (opts.mode === 'hang') return; // never answers
    if (opts.mode === 'forbidden') return json(res, 403, { message: 'forbidden by socket proxy policy' });
    if (path === '/_ping') {
      res.writeHead(200, {
        'Api-Version': opts.apiVersion ?? '1.41',
        'Content-Type': 'text/plain',
        'Docker-Experimental': 'false',
        OSType: 'linux',
      });
      return res.end(req.method === 'HEAD' ? undefined : 'OK');
    }
    if (opts.mode === 'garbage') {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      return res.end('{"this is": not json');
    }
    if (path === '/version')
      return json(res, 200, {
        ApiVersion: opts.apiVersion ?? '1.41',
        MinAPIVersion: '1.12',
        Version: '20.10.24',
        Os: 'linux',
        Arch: 'amd64',
      });
    if (path === '/info') return json(res, 200, opts.info ?? {});
    if (path === '/containers/json') {
      const all = url.searchParams.get('all') === '1' || url.searchParams.get('all') === 'true';
      return json(
        res,
        200,
        containers
          .filter((c) => all || c.State?.Running)
          .map((c) => ({
            Id: c.Id,
            Names: [c.Name],
            Image: c.Config?.Image,
            ImageID: c.Image,
            Command: 'sleep 300',
            Created: 1700000000,
            Ports: [],
            Labels: c.Config?.Labels ?? {},
            State: c.State?.Status,
            Status: 'Up 2 hours',
            HostConfig: { NetworkMode: c.HostConfig?.NetworkMode },
            NetworkSettings: { Networks: {} },
            Mounts: [],
          })),
      );
    }
    const m = /^\/containers\/([^/]+)\/json$/.exec(path);
    if (m) {
      const ref = decodeURIComponent(m[1]);
      const c = containers.find((x) => x.Id === ref || x.Name === `/${ref}` || (ref.length >= 4 && x.Id.startsWith(ref)));
      return c ? json(res, 200, c) : json(res, 404, { message: `No such container: ${ref}` });
    }
    const i = /^\/images\/(.+)\/json$/.exec(path);
    if (i) {
      const ref = decodeURIComponent(i[1]);
      const img = (opts.images ?? []).find((x) => x.Id === ref || (x.RepoTags ?? []).includes(ref));
      return img ? json(res, 200, img) : json(res, 404, { message: `No such image: ${ref}` });
    }
    json(res, 404, { message: `page not found: ${path}` });
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(socket, resolve));
  return {
    socket,
    host: `unix://${socket}`,
    requests,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** `n` containers made from one recorded inspect answer, with distinct ids and names. */
export function manyContainers(template: RawContainer, n: number): RawContainer[] {
  return Array.from({ length: n }, (_, i) => {
    const c = JSON.parse(JSON.stringify(template)) as RawContainer;
    c.Id = `${i.toString(16).padStart(8, '0')}${template.Id.slice(8)}`;
    c.Name = `/synthetic-${i}`;
    // Pid 0: these processes do not exist on this machine.
    c.State = { ...(c.State ?? {}), Pid: 0 };
    if (i % 3 === 0) c.HostConfig = { ...(c.HostConfig ?? {}), CapAdd: ['CAP_SYS_ADMIN'] };
    return c;
  });
}
