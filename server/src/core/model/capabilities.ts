// Capability names and the effective set a container gets (pure core layer).

/** Docker's default capability set (moby's defaults), in the order Docker lists them. */
export const DOCKER_DEFAULT_CAPS = [
  'CHOWN',
  'DAC_OVERRIDE',
  'FSETID',
  'FOWNER',
  'MKNOD',
  'NET_RAW',
  'SETGID',
  'SETUID',
  'SETFCAP',
  'SETPCAP',
  'NET_BIND_SERVICE',
  'SYS_CHROOT',
  'KILL',
  'AUDIT_WRITE',
] as const;

/** Every capability of current Linux kernels (capabilities(7)), numbered as the kernel numbers them. */
export const ALL_CAPS = [
  'CHOWN',
  'DAC_OVERRIDE',
  'DAC_READ_SEARCH',
  'FOWNER',
  'FSETID',
  'KILL',
  'SETGID',
  'SETUID',
  'SETPCAP',
  'LINUX_IMMUTABLE',
  'NET_BIND_SERVICE',
  'NET_BROADCAST',
  'NET_ADMIN',
  'NET_RAW',
  'IPC_LOCK',
  'IPC_OWNER',
  'SYS_MODULE',
  'SYS_RAWIO',
  'SYS_CHROOT',
  'SYS_PTRACE',
  'SYS_PACCT',
  'SYS_ADMIN',
  'SYS_BOOT',
  'SYS_NICE',
  'SYS_RESOURCE',
  'SYS_TIME',
  'SYS_TTY_CONFIG',
  'MKNOD',
  'LEASE',
  'AUDIT_WRITE',
  'AUDIT_CONTROL',
  'SETFCAP',
  'MAC_OVERRIDE',
  'MAC_ADMIN',
  'SYSLOG',
  'WAKE_ALARM',
  'BLOCK_SUSPEND',
  'AUDIT_READ',
  'PERFMON',
  'BPF',
  'CHECKPOINT_RESTORE',
] as const;

/** `cap_sys_admin`, `CAP_SYS_ADMIN`, `sys_admin` → `SYS_ADMIN`; `all` → `ALL`. */
export function normalizeCap(name: string): string {
  return name.trim().toUpperCase().replace(/^CAP_/, '');
}

export function isKnownCap(name: string): boolean {
  const n = normalizeCap(name);
  return n === 'ALL' || (ALL_CAPS as readonly string[]).includes(n);
}

/**
 * The effective capability set: Docker's default 14, minus drops, plus adds (Docker applies
 * drops first, so `--cap-drop ALL --cap-add NET_BIND_SERVICE` leaves exactly NET_BIND_SERVICE;
 * an explicit add wins over a drop of the same capability).
 */
export function effectiveCaps(add: string[], drop: string[], privileged = false): Set<string> {
  if (privileged) return new Set(ALL_CAPS);
  const adds = add.map(normalizeCap);
  const drops = drop.map(normalizeCap);
  const caps = new Set<string>(drops.includes('ALL') ? [] : DOCKER_DEFAULT_CAPS.filter((c) => !drops.includes(c)));
  if (adds.includes('ALL')) return new Set(ALL_CAPS);
  for (const a of adds) if ((ALL_CAPS as readonly string[]).includes(a)) caps.add(a);
  return caps;
}
