// Compose's short string syntaxes, parsed as compose-go and Docker parse them (pure core layer).
// Every part keeps its offset inside the string so findings and fixes can point at it.

export interface Part {
  text: string;
  /** Offset of the part inside the parsed string. */
  start: number;
}

export interface ShortVolume {
  source?: Part;
  target: Part;
  /** The comma-separated options after the second colon (`ro,z`). */
  options: string[];
  type: 'bind' | 'volume';
}

function isLetter(c: string | undefined): boolean {
  return c !== undefined && /^\p{L}$/u.test(c);
}

/** Host paths (`/x`, `./x`, `~/x`, `C:\x`, `\\pipe`) are binds; anything else names a volume. */
export function isFilePath(source: string): boolean {
  if (source === '') return false;
  if (source[0] === '.' || source[0] === '/' || source[0] === '~') return true;
  if (source.startsWith('\\\\')) return true;
  return isLetter(source[0]) && source[1] === ':';
}

/**
 * `[SOURCE:]TARGET[:MODE]` as compose-go's ParseVolume reads it: a colon right after a single
 * letter belongs to a Windows drive (`C:\data:/data`), a lone part is an anonymous volume's target.
 */
export function parseShortVolume(spec: string): ShortVolume | undefined {
  if (spec.length === 0) return undefined;
  if (spec.length <= 2) return { target: { text: spec, start: 0 }, options: [], type: 'volume' };
  const parts: Part[] = [];
  let start = 0;
  let buf = '';
  let braces = 0;
  for (let i = 0; i < spec.length; i++) {
    const c = spec[i];
    if (c === '$' && spec[i + 1] === '{') braces++;
    else if (c === '}' && braces > 0) braces--;
    if (c === ':' && braces === 0 && !(buf.length === 1 && isLetter(buf))) {
      parts.push({ text: buf, start });
      buf = '';
      start = i + 1;
    } else buf += c;
  }
  parts.push({ text: buf, start });
  if (parts.some((p) => p.text === '') || parts.length > 3) return undefined;
  if (parts.length === 1) return { target: parts[0], options: [], type: 'volume' };
  const [source, target, mode] = parts;
  return {
    source,
    target,
    options: mode ? mode.text.split(',').filter(Boolean) : [],
    type: isFilePath(source.text) ? 'bind' : 'volume',
  };
}

/** Splits at colons outside `${…}` (whose `:-` defaults are not separators). */
function splitColons(s: string): string[] {
  const out: string[] = [];
  let braces = 0;
  let cur = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '$' && s[i + 1] === '{') braces++;
    else if (c === '}' && braces > 0) braces--;
    if (c === ':' && braces === 0) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

export interface ShortPort {
  /** The host IP without brackets; `hostIpPart` spans it with its brackets. */
  hostIp?: string;
  hostIpPart?: Part;
  hostPort?: string;
  containerPort: string;
  protocol: string;
}

/**
 * `[[IP:]HOST_PORT:]CONTAINER_PORT[/PROTOCOL]` as Docker's nat.ParsePortSpec reads it, with IPv6
 * addresses in brackets (`[::1]:8080:80`) and port ranges (`9000-9010:9000-9010`).
 */
export function parseShortPort(spec: string): ShortPort | undefined {
  const s = spec.trim();
  if (s === '') return undefined;
  const offset = spec.indexOf(s);
  let rest = s;
  let hostIp: string | undefined;
  let hostIpPart: Part | undefined;
  if (rest.startsWith('[')) {
    const close = rest.indexOf(']');
    if (close < 0 || rest[close + 1] !== ':') return undefined;
    hostIp = rest.slice(1, close);
    hostIpPart = { text: rest.slice(0, close + 1), start: offset };
    rest = rest.slice(close + 2);
    const parts = splitColons(rest);
    if (parts.length !== 2) return undefined;
    const [hostPort, containerSpec] = parts;
    return finish(hostIp, hostIpPart, hostPort, containerSpec);
  }
  const parts = splitColons(rest);
  const n = parts.length;
  const containerSpec = parts[n - 1];
  if (n === 1) return finish(undefined, undefined, undefined, containerSpec);
  if (n === 2) return finish(undefined, undefined, parts[0], containerSpec);
  hostIp = parts.slice(0, n - 2).join(':');
  hostIpPart = { text: hostIp, start: offset };
  return finish(hostIp, hostIpPart, parts[n - 2], containerSpec);

  function finish(
    ip: string | undefined,
    ipPart: Part | undefined,
    hostPort: string | undefined,
    containerSpec: string,
  ): ShortPort | undefined {
    const slash = containerSpec.indexOf('/');
    const containerPort = slash < 0 ? containerSpec : containerSpec.slice(0, slash);
    const protocol = slash < 0 ? 'tcp' : containerSpec.slice(slash + 1).toLowerCase() || 'tcp';
    if (containerPort === '') return undefined;
    return {
      hostIp: ip === '' ? undefined : ip,
      hostIpPart: ip === '' ? undefined : ipPart,
      hostPort: hostPort === '' ? undefined : hostPort,
      containerPort,
      protocol,
    };
  }
}

/** `api/` + `Dockerfile` → `api/Dockerfile`; `./` and `x/../` removed; backslashes become slashes. */
export function joinPath(...segments: string[]): string {
  const out: string[] = [];
  let root = '';
  for (const seg of segments) {
    let s = seg.replace(/\\/g, '/');
    const m = /^(\/|[A-Za-z]:\/)/.exec(s);
    if (m) {
      out.length = 0;
      root = m[1];
      s = s.slice(m[1].length);
    }
    for (const p of s.split('/')) {
      if (p === '' || p === '.') continue;
      if (p === '..') {
        if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
        else if (!root) out.push('..');
        continue;
      }
      out.push(p);
    }
  }
  return root + out.join('/') || '.';
}

/** The folder part of a relative path (`sub/compose.yaml` → `sub`). */
export function dirnameOf(path: string): string {
  const p = path.replace(/\\/g, '/');
  const i = p.lastIndexOf('/');
  return i < 0 ? '.' : p.slice(0, i) || '/';
}
