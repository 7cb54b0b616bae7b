// CT2027 healthcheck-missing: the container's health check is turned off, or neither the service nor
// its image (when Containment can see the image) defines one (pure core layer).

import { runtimeRule, type Hit } from '../rule';
import { at, atAnchor, settingName } from './util2';

/** `api/Dockerfile line 14` names the USER line; for the health check only the file matters. */
function dockerfileOf(describedBy: string): string {
  return describedBy.replace(/(,| line \d+$|:\d+$).*$/, '');
}

export default runtimeRule(
  {
    id: 'CT2027',
    name: 'healthcheck-missing',
    title: 'The container has no health check',
    defaultSeverity: 'info',
    appliesTo: ['compose', 'shell', 'markdown'],
    explanation:
      'A health check is a command Docker runs inside the container at intervals; its exit status marks the container `healthy` or `unhealthy`. ' +
      'Without one Docker knows only whether the main process is alive, not whether it still does its job: a hung server, a deadlocked worker or a process an attacker has tampered with into a degraded state keeps running and keeps receiving traffic. ' +
      'Compose `depends_on: { condition: service_healthy }`, Swarm rolling updates and monitoring all read the health status. It is an availability and detection control rather than an isolation boundary, which is why this is information. ' +
      'The rule reports a health check that is switched off (`healthcheck: { disable: true }`, `test: ["NONE"]`, `--no-healthcheck`), which also removes one the image defines. ' +
      'It reports a missing one only when it can see the image: a Compose service with `build:` whose Dockerfile has no HEALTHCHECK and which defines none itself. For a pulled image it says nothing, because the image may define HEALTHCHECK; the Dockerfile rule CT1013 covers images you build.',
    remediation:
      'Add a check that exercises the service, with sensible timing: `healthcheck: { test: ["CMD", "curl", "-fsS", "http://localhost:8080/health"], interval: 30s, timeout: 5s, retries: 3, start_period: 20s }` in Compose, `--health-cmd "curl -fsS http://localhost:8080/health || exit 1" --health-interval 30s` on `docker run`, or `HEALTHCHECK` in the Dockerfile so every deployment gets it. ' +
      "Images without curl can use a small probe binary of the application itself. Remove `disable: true` / `--no-healthcheck` unless the image's check is known to be wrong for this deployment.",
    references: [
      { title: 'Compose file reference: healthcheck', url: 'https://docs.docker.com/reference/compose-file/services/#healthcheck' },
      { title: 'Dockerfile reference: HEALTHCHECK', url: 'https://docs.docker.com/reference/dockerfile/#healthcheck' },
      {
        title: 'docker container run reference: health checks',
        url: 'https://docs.docker.com/reference/cli/docker/container/run/#healthcheck',
      },
      {
        title: 'CIS Docker Benchmark v1.6.0 5.27: Ensure that container health is checked at runtime',
        url: 'https://www.cisecurity.org/benchmark/docker',
      },
    ],
    peers: {
      kics: ['Healthcheck Not Set'],
      cis: ['5.27 (v1.6.0; 5.26 in v1.2.0)'],
    },
    bad: [
      { kind: 'compose', bad: 'services:\n  web:\n    image: nginx:1.27\n    healthcheck:\n      disable: true\n' },
      { kind: 'compose', bad: 'services:\n  web:\n    image: nginx:1.27\n    healthcheck:\n      test: ["NONE"]\n' },
      { kind: 'shell', bad: '#!/bin/sh\ndocker run -d --no-healthcheck nginx:1.27\n' },
    ],
    good: [
      {
        kind: 'compose',
        text: 'services:\n  web:\n    image: nginx:1.27\n    healthcheck:\n      test: ["CMD", "curl", "-f", "http://localhost"]\n      interval: 30s\n',
      },
      // A pulled image may define HEALTHCHECK itself: nothing to say.
      { kind: 'compose', text: 'services:\n  web:\n    image: nginx:1.27\n' },
      { kind: 'shell', text: '#!/bin/sh\ndocker run -d --health-cmd "wget -qO- http://localhost/ || exit 1" nginx:1.27\n' },
    ],
  },
  (spec): Hit[] => {
    const off = spec.healthcheckDisabled;
    if (off && !off.unknown && off.value) {
      const how = spec.source === 'compose' ? 'its health check off' : 'health checks off with --no-healthcheck';
      const image = spec.imageFacts?.hasHealthcheck
        ? `, including the one its image defines (${dockerfileOf(spec.imageFacts.describedBy)})`
        : '';
      return [
        {
          range: at(spec, off.origin),
          message: `${spec.label} turns ${how}${image}, so Docker cannot tell a hung or broken container from a healthy one; define a check instead.`,
        },
      ];
    }
    if (spec.hasHealthcheck || spec.partial) return [];
    const facts = spec.imageFacts;
    if (!facts || facts.hasHealthcheck) return [];
    const key = settingName(spec, '`healthcheck:`', '`--health-cmd`');
    return [
      {
        range: atAnchor(spec),
        message: `${spec.label} has no health check and neither does its image (${dockerfileOf(facts.describedBy)}), so Docker cannot tell a hung or broken container from a healthy one; add ${key} or a HEALTHCHECK to the Dockerfile.`,
      },
    ];
  },
);
