// CT1015 run-security-insecure: `RUN --security=insecure` runs a build step outside BuildKit's
// sandbox, like a privileged container (pure core layer).

import { imageRule, type Hit } from '../rule';
import { t } from '../../types';
import { isRun } from '../../model/image';
import { removeRunFlagFix } from './runFlagEdit';

export default imageRule(
  {
    id: 'CT1015',
    name: 'run-security-insecure',
    title: 'A build step runs without the sandbox (RUN --security=insecure)',
    defaultSeverity: 'error',
    appliesTo: ['dockerfile'],
    explanation:
      'BuildKit normally runs each `RUN` step in a sandbox much like a default container: a reduced set of capabilities, the default seccomp and AppArmor profiles, and no access to host devices. `RUN --security=insecure` turns all of that off for the step, which then runs like a `--privileged` container: it has every capability, including `CAP_SYS_ADMIN`, can mount filesystems, load kernel features and see host devices. ' +
      'Anything that step executes, including install scripts of the packages it downloads, can take over the build host or the BuildKit daemon and, through them, tamper with every image built there and reach the credentials the builder holds. ' +
      'The builder only allows it when started with the `security.insecure` entitlement (`docker buildx create --buildkitd-flags "--allow-insecure-entitlement security.insecure"` and `docker buildx build --allow security.insecure`), so a Dockerfile that needs it also forces everybody who builds it to weaken their builder.',
    remediation:
      'Remove `--security=insecure` and find what the step really needs: a cache or tmpfs mount (`RUN --mount=type=cache` / `--mount=type=tmpfs`) instead of mounting inside the step, a test that runs in a real container at test time rather than at build time, or a tool that works without privileges (for example `buildah` or `kaniko` style rootless tools instead of nested Docker). ' +
      'If a step truly needs privileges, build that image on an isolated, disposable builder that handles no other project and holds no secrets.',
    zh: {
      title: '构建步骤在沙箱之外运行（RUN --security=insecure）',
      explanation:
        'BuildKit 通常在一个与默认容器很相似的沙箱中运行每个 `RUN` 步骤：精简过的 capability 集合、默认的 seccomp 和 AppArmor 配置文件，并且无法访问宿主机设备。`RUN --security=insecure` 为该步骤关掉所有这些限制，于是它像一个 `--privileged` 容器那样运行：拥有所有 capability，包括 `CAP_SYS_ADMIN`，可以挂载文件系统、加载内核功能，并看到宿主机设备。' +
        '该步骤执行的任何东西，包括它下载的软件包的安装脚本，都能接管构建主机或 BuildKit 守护进程，并借此篡改在那里构建的每个镜像，拿到构建器持有的凭据。' +
        '只有构建器在启动时带有 `security.insecure` 授权（entitlement），才允许这样做（`docker buildx create --buildkitd-flags "--allow-insecure-entitlement security.insecure"` 和 `docker buildx build --allow security.insecure`），所以需要它的 Dockerfile 也会迫使每个构建它的人削弱自己的构建器。',
      remediation:
        '删除 `--security=insecure`，弄清这个步骤真正需要什么：用缓存或 tmpfs 挂载（`RUN --mount=type=cache` / `--mount=type=tmpfs`）代替在步骤内部挂载；在测试时于真正的容器中运行测试，而不是在构建时运行；或者使用无需特权的工具（例如用 `buildah` 或 `kaniko` 这类 rootless 工具代替嵌套的 Docker）。' +
        '如果某个步骤确实需要特权，就在一个隔离的、用完即弃的构建器上构建该镜像，这个构建器不处理其他项目，也不持有任何机密。',
    },
    references: [
      { title: 'Dockerfile reference: RUN --security', url: 'https://docs.docker.com/reference/dockerfile/#run---security' },
      { title: 'docker buildx build --allow (entitlements)', url: 'https://docs.docker.com/reference/cli/docker/buildx/build/#allow' },
      { title: 'BuildKit daemon configuration: insecure entitlements', url: 'https://docs.docker.com/build/buildkit/configure/' },
    ],
    peers: {},
    bad: [
      {
        bad: '# syntax=docker/dockerfile:1-labs\nFROM ubuntu:24.04\nRUN --security=insecure mount -t tmpfs none /mnt && ./run-tests.sh\n',
        fixed: '# syntax=docker/dockerfile:1-labs\nFROM ubuntu:24.04\nRUN mount -t tmpfs none /mnt && ./run-tests.sh\n',
      },
      {
        bad: 'FROM debian:bookworm AS test\nRUN --mount=type=cache,target=/root/.cache \\\n    --security=insecure \\\n    make check\n',
        fixed: 'FROM debian:bookworm AS test\nRUN --mount=type=cache,target=/root/.cache \\\n    make check\n',
      },
      {
        bad: 'FROM ghcr.io/example/kubernetes-init:v1\nRUN --security=insecure ["/sbin/init", "--log-target=kmsg"]\n',
        fixed: 'FROM ghcr.io/example/kubernetes-init:v1\nRUN ["/sbin/init", "--log-target=kmsg"]\n',
      },
    ],
    good: [
      'FROM alpine:3.20\nRUN --security=sandbox make test\n',
      'FROM alpine:3.20\nRUN --network=none --mount=type=tmpfs,target=/tmp make test\n',
      // The text after the flags is the command, not a RUN flag.
      'FROM alpine:3.20\nRUN echo "--security=insecure is not used here"\n',
    ],
  },
  (model): Hit[] => {
    const hits: Hit[] = [];
    for (const run of model.instructions.filter(isRun)) {
      const flag = run.security;
      if (!flag || flag.value?.toLowerCase() !== 'insecure') continue;
      const fix = removeRunFlagFix(
        model,
        run,
        flag,
        t(
          'Remove --security=insecure (the step runs sandboxed again; it fails if it really needed privileges)',
          '删除 --security=insecure（该步骤重新在沙箱中运行；如果它确实需要特权，就会失败）',
        ),
      );
      hits.push({
        range: flag.range,
        message: t(
          'RUN --security=insecure runs this build step outside the sandbox with every capability, like a privileged container.',
          'RUN --security=insecure 让这个构建步骤在沙箱之外、带着所有 capability 运行，就像一个特权容器。',
        ),
        fixes: fix ? [fix] : [],
      });
    }
    return hits;
  },
  // Reads each instruction on its own.
  'stage',
);
