// Helpers shared by the daemon.json rules (pure core layer): reading a key the way dockerd does,
// and the references several rules cite.

import type { DaemonEntry, DaemonModel, JsonValue } from '../../model/daemon';
import type { Reference } from '../../types';

/** The value dockerd reads for a key (the last occurrence), or undefined when the key is absent. */
export function entry(model: DaemonModel, key: string): DaemonEntry | undefined {
  return model.entries.get(key);
}

/** True when the key is set to this boolean. */
export function isBool(model: DaemonModel, key: string, value: boolean): boolean {
  return entry(model, key)?.value === value;
}

/**
 * True when the key is absent (or null, which leaves dockerd's default) in a file that was read
 * completely: in broken JSON a key may only look absent, so "missing" rules stay silent.
 */
export function absent(model: DaemonModel, key: string): boolean {
  if (model.partial) return false;
  const e = entry(model, key);
  return !e || e.type === 'null';
}

/** A string value, or undefined when the key is absent or not a string. */
export function stringValue(model: DaemonModel, key: string): string | undefined {
  const e = entry(model, key);
  return e?.type === 'string' ? (e.value as string) : undefined;
}

export function isString(v: JsonValue | undefined): v is JsonValue & { value: string } {
  return v?.type === 'string';
}

export const CIS_URL = 'https://www.cisecurity.org/benchmark/docker';

export const DOCKERD_REFERENCE: Reference = {
  title: 'dockerd reference: daemon configuration file',
  url: 'https://docs.docker.com/reference/cli/dockerd/#daemon-configuration-file',
};

export const DOCKER_BENCH: Reference = {
  title: 'docker-bench-security: tests/2_docker_daemon_configuration.sh',
  url: 'https://github.com/docker/docker-bench-security/blob/master/tests/2_docker_daemon_configuration.sh',
};
