// CT1016 run-network-host: `RUN --network=host` gives a build step the build host's network
// namespace (pure core layer).

import { imageRule, type Hit } from '../rule';
import { isRun } from '../../model/image';
import { removeRunFlagFix } from './runFlagEdit';

export default imageRule(
  {
    id: 'CT1016',
    name: 'run-network-host',
    title: "A build step uses the host's network (RUN --network=host)",
    defaultSeverity: 'warning',
    appliesTo: ['dockerfile'],
    explanation:
      "Each `RUN` step normally gets its own network namespace with outbound access through the builder. `RUN --network=host` puts the step in the build host's network namespace instead: it sees the host's interfaces and can connect to every service that listens only on the host's `127.0.0.1` (databases, the Docker or BuildKit API on a TCP port, cloud metadata proxies, development servers), and it can bind ports on the host. " +
      'Whatever the step runs, including the install scripts of downloaded packages, gets that access, and anything it learns can be baked into a layer. ' +
      'BuildKit only allows it with the `network.host` entitlement (`docker buildx build --allow network.host`), so the Dockerfile also asks every builder to grant it. `--network=none` (no network at all) and `--network=default` are fine and not reported.',
    remediation:
      'Remove `--network=host`. If the step needs a service, reach it by a name or address on the normal network, pass what it needs as a build secret (`RUN --mount=type=secret`) or an SSH agent (`RUN --mount=type=ssh`), or fetch the data before the build. Prefer `--network=none` for steps that need no network at all.',
    references: [
      { title: 'Dockerfile reference: RUN --network', url: 'https://docs.docker.com/reference/dockerfile/#run---network' },
      { title: 'docker buildx build --allow (entitlements)', url: 'https://docs.docker.com/reference/cli/docker/buildx/build/#allow' },
      { title: 'network_namespaces(7)', url: 'https://man7.org/linux/man-pages/man7/network_namespaces.7.html' },
    ],
    peers: {},
    bad: [
      {
        bad: 'FROM python:3.12-slim\nRUN --network=host pip install -r requirements.txt\n',
        fixed: 'FROM python:3.12-slim\nRUN pip install -r requirements.txt\n',
      },
      {
        bad: 'FROM node:20\nRUN --network=host --mount=type=cache,target=/root/.npm npm ci\n',
        fixed: 'FROM node:20\nRUN --mount=type=cache,target=/root/.npm npm ci\n',
      },
      {
        bad: 'FROM golang:1.23 AS build\nRUN --mount=type=cache,target=/go/pkg/mod \\\n    --network=host \\\n    go mod download\n',
        fixed: 'FROM golang:1.23 AS build\nRUN --mount=type=cache,target=/go/pkg/mod \\\n    go mod download\n',
      },
    ],
    good: [
      'FROM alpine:3.20\nRUN --network=none make test\n',
      'FROM alpine:3.20\nRUN --network=default apk add --no-cache curl\n',
      // A command that mentions host networking is not a RUN flag.
      'FROM docker:27-cli\nRUN echo "docker run --network=host" > /usage.txt\n',
    ],
  },
  (model): Hit[] => {
    const hits: Hit[] = [];
    for (const run of model.instructions.filter(isRun)) {
      const flag = run.network;
      if (!flag || flag.value?.toLowerCase() !== 'host') continue;
      const fix = removeRunFlagFix(model, run, flag, "Remove --network=host (the step uses the builder's default network)");
      hits.push({
        range: flag.range,
        message:
          "RUN --network=host runs this build step in the build host's network namespace, with access to services that listen only on the host.",
        fixes: fix ? [fix] : [],
      });
    }
    return hits;
  },
);
