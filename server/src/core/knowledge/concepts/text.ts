// Small helpers the knowledge base's data files share: a bilingual text and common references
// (pure core layer, data only).

import type { ConceptReference } from './types';

/** A text in English and Simplified Chinese: the project's own helper, shared with the rules. */
export { t } from '../../types';

export const MAN = (page: string, section: number): ConceptReference => ({
  title: `${page}(${section})`,
  url: `https://man7.org/linux/man-pages/man${section}/${page}.${section}.html`,
});

export const RUN_REF = 'https://docs.docker.com/reference/cli/docker/container/run/';
export const COMPOSE_REF = 'https://docs.docker.com/reference/compose-file/services/';

export const DOCS = {
  run: { title: 'docker container run', url: RUN_REF },
  compose: { title: 'Compose file reference: services', url: COMPOSE_REF },
  resources: { title: 'Docker: resource constraints', url: 'https://docs.docker.com/engine/containers/resource_constraints/' },
  security: { title: 'Docker security', url: 'https://docs.docker.com/engine/security/' },
  seccomp: { title: 'Docker: seccomp security profiles', url: 'https://docs.docker.com/engine/security/seccomp/' },
  apparmor: { title: 'Docker: AppArmor security profiles', url: 'https://docs.docker.com/engine/security/apparmor/' },
  userns: { title: 'Docker: isolate containers with a user namespace', url: 'https://docs.docker.com/engine/security/userns-remap/' },
  rootless: { title: 'Docker: rootless mode', url: 'https://docs.docker.com/engine/security/rootless/' },
  bindMounts: { title: 'Docker: bind mounts', url: 'https://docs.docker.com/engine/storage/bind-mounts/' },
  tmpfs: { title: 'Docker: tmpfs mounts', url: 'https://docs.docker.com/engine/storage/tmpfs/' },
  runtimePrivilege: {
    title: 'Docker: runtime privilege and Linux capabilities',
    url: `${RUN_REF}#privileged`,
  },
  inspect: { title: 'docker container inspect', url: 'https://docs.docker.com/reference/cli/docker/container/inspect/' },
} satisfies Record<string, ConceptReference>;
