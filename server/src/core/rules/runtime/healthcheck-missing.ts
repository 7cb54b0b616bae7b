// CT2027 healthcheck-missing: the container's health check is turned off, or neither the service nor
// its image (when Containment can see the image) defines one (pure core layer).

import { runtimeRule, type Hit } from '../rule';
import { t } from '../../types';
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
    zh: {
      title: '容器没有健康检查',
      explanation:
        '健康检查是 Docker 定期在容器内运行的一条命令；它的退出状态把容器标记为 `healthy` 或 `unhealthy`。' +
        '没有健康检查时，Docker 只知道主进程是否还活着，却不知道它是否还在正常工作：挂起的服务器、死锁的工作进程，或者被攻击者篡改而处于降级状态的进程，都会继续运行并继续接收流量。' +
        'Compose 的 `depends_on: { condition: service_healthy }`、Swarm 的滚动更新和监控都会读取健康状态。它是一项可用性和检测方面的控制，而不是隔离边界，所以这里报告为信息。' +
        '这条规则会报告被关闭的健康检查（`healthcheck: { disable: true }`、`test: ["NONE"]`、`--no-healthcheck`），这样做也会去掉镜像自己定义的健康检查。' +
        '只有在能看到镜像时，它才会报告缺失的健康检查：带有 `build:` 的 Compose 服务，其 Dockerfile 没有 HEALTHCHECK，服务自己也没有定义。对于拉取的镜像，它不报告，因为镜像可能定义了 HEALTHCHECK；你自己构建的镜像由 Dockerfile 规则 CT1013 负责。',
      remediation:
        '添加一个真正检验服务的检查，并设置合理的时间参数：Compose 中用 `healthcheck: { test: ["CMD", "curl", "-fsS", "http://localhost:8080/health"], interval: 30s, timeout: 5s, retries: 3, start_period: 20s }`，`docker run` 用 `--health-cmd "curl -fsS http://localhost:8080/health || exit 1" --health-interval 30s`，或者在 Dockerfile 中写 `HEALTHCHECK`，让每次部署都带上它。' +
        '没有 curl 的镜像可以使用应用自带的小型探测程序。除非已知镜像自带的检查不适合这次部署，否则请删除 `disable: true` / `--no-healthcheck`。',
    },
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
      const compose = spec.source === 'compose';
      const how = compose ? 'its health check off' : 'health checks off with --no-healthcheck';
      const howZh = compose ? '关闭了健康检查' : '用 --no-healthcheck 关闭了健康检查';
      const df = spec.imageFacts?.hasHealthcheck ? dockerfileOf(spec.imageFacts.describedBy) : undefined;
      const image = df !== undefined ? `, including the one its image defines (${df})` : '';
      const imageZh = df !== undefined ? `，包括它的镜像定义的那个（${df}）` : '';
      return [
        {
          range: at(spec, off.origin),
          message: t(
            `${spec.label} turns ${how}${image}, so Docker cannot tell a hung or broken container from a healthy one; define a check instead.`,
            `${spec.label} ${howZh}${imageZh}，Docker 因此无法区分挂起或出故障的容器和健康的容器；请改为定义一个检查。`,
          ),
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
        message: t(
          `${spec.label} has no health check and neither does its image (${dockerfileOf(facts.describedBy)}), so Docker cannot tell a hung or broken container from a healthy one; add ${key} or a HEALTHCHECK to the Dockerfile.`,
          `${spec.label} 没有健康检查，它的镜像（${dockerfileOf(facts.describedBy)}）也没有，Docker 因此无法区分挂起或出故障的容器和健康的容器；请添加 ${key}，或者在 Dockerfile 中添加 HEALTHCHECK。`,
        ),
      },
    ];
  },
);
