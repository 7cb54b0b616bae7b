// CT1016 run-network-host: `RUN --network=host` gives a build step the build host's network
// namespace (pure core layer).

import { imageRule, type Hit } from '../rule';
import { t } from '../../types';
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
    zh: {
      title: '构建步骤使用宿主机的网络（RUN --network=host）',
      explanation:
        '每个 `RUN` 步骤通常拥有自己的网络命名空间，经由构建器访问外部网络。`RUN --network=host` 则把该步骤放进构建主机的网络命名空间：它能看到主机的网络接口，能连接所有只在主机的 `127.0.0.1` 上监听的服务（数据库、TCP 端口上的 Docker 或 BuildKit API、云元数据代理、开发服务器），还能在主机上绑定端口。' +
        '该步骤运行的任何东西，包括所下载软件包的安装脚本，都会获得这种访问权，而它获知的任何东西都可能被固化进某一层。' +
        'BuildKit 只在具备 `network.host` 授权（entitlement）时才允许这样做（`docker buildx build --allow network.host`），所以这个 Dockerfile 也在要求每个构建器授予该权限。`--network=none`（完全没有网络）和 `--network=default` 没有问题，不会被报告。',
      remediation:
        '删除 `--network=host`。如果该步骤需要某个服务，就通过普通网络上的名称或地址访问它，把它需要的东西作为构建 secret（`RUN --mount=type=secret`）或 SSH agent（`RUN --mount=type=ssh`）传入，或者在构建之前就取得这些数据。对于完全不需要网络的步骤，优先使用 `--network=none`。',
    },
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
      const fix = removeRunFlagFix(
        model,
        run,
        flag,
        t("Remove --network=host (the step uses the builder's default network)", '删除 --network=host（该步骤改用构建器的默认网络）'),
      );
      hits.push({
        range: flag.range,
        message: t(
          "RUN --network=host runs this build step in the build host's network namespace, with access to services that listen only on the host.",
          'RUN --network=host 让这个构建步骤在构建主机的网络命名空间中运行，能访问只在主机上监听的服务。',
        ),
        fixes: fix ? [fix] : [],
      });
    }
    return hits;
  },
  // Reads each instruction on its own.
  'stage',
);
