// Short explanations of the Dockerfile instructions and RUN flags that decide a container's
// isolation, shown on hover (pure core layer, data only). Written by us from the Dockerfile
// reference and the BuildKit documentation.

export interface Explanation {
  title: string;
  /** Markdown, a few sentences: what it is, why it matters for isolation, what to do. */
  body: string;
  url: string;
  /** The title and body in Simplified Chinese (technical terms keep their names). */
  zh?: { title: string; body: string };
}

const REF = 'https://docs.docker.com/reference/dockerfile/';

export const INSTRUCTIONS: Record<string, Explanation> = {
  USER: {
    title: 'USER: who the container runs as',
    body:
      "Sets the user (and optionally group) for the following `RUN` steps and for the container's processes. " +
      "The last `USER` of the final stage is what the container runs as; without one it is the base image's user, usually root (UID 0), which is the host's root unless user namespaces remap it. " +
      'Use a dedicated unprivileged user, by name or as `UID:GID`, after the steps that need root.',
    url: `${REF}#user`,
    zh: {
      title: 'USER：容器以谁的身份运行',
      body: '为后续的 `RUN` 步骤和容器的进程设置用户（以及可选的组）。最终阶段的最后一条 `USER` 决定容器以谁运行；没有它时就是基础镜像的用户，通常是 root（UID 0），除非 user namespace 做了重映射，否则它就是宿主机的 root。在需要 root 的步骤之后，切换到专用的非特权用户，用名字或 `UID:GID` 表示。',
    },
  },
  HEALTHCHECK: {
    title: 'HEALTHCHECK: how the engine tells the app is working',
    body:
      'Runs a command inside the container at an interval; after `--retries` failures the container is marked unhealthy, which orchestrators and `restart` policies act on. ' +
      "The check runs with the container's user and isolation, so keep it small (`wget -qO-` or `curl -fsS` against a local port, or the app's own `healthcheck` subcommand). `HEALTHCHECK NONE` turns off one inherited from the base image.",
    url: `${REF}#healthcheck`,
    zh: {
      title: 'HEALTHCHECK：引擎如何判断应用在正常工作',
      body: '按固定间隔在容器内运行一条命令；连续失败 `--retries` 次后容器被标记为 unhealthy，编排器和 `restart` 策略会据此处理。检查以容器的用户和隔离环境运行，因此要保持简单（对本地端口执行 `wget -qO-` 或 `curl -fsS`，或使用应用自带的 `healthcheck` 子命令）。`HEALTHCHECK NONE` 会关闭从基础镜像继承的检查。',
    },
  },
  EXPOSE: {
    title: 'EXPOSE: documents the ports the app listens on',
    body:
      '`EXPOSE` publishes nothing by itself: it records which ports the app listens on, and `docker run -P` publishes them on all host interfaces. ' +
      'Exposing 22 suggests an SSH server in the container, which is a second way in that needs its own keys and patching; use `docker exec` instead.',
    url: `${REF}#expose`,
    zh: {
      title: 'EXPOSE：记录应用监听的端口',
      body: '`EXPOSE` 本身不发布任何端口：它只记录应用监听哪些端口，`docker run -P` 会把它们发布到宿主机的所有网卡上。暴露 22 端口意味着容器里有 SSH 服务器，这是另一条需要单独管理密钥和补丁的入口；请改用 `docker exec`。',
    },
  },
  VOLUME: {
    title: 'VOLUME: a mount point for data',
    body:
      'Declares a path that the engine mounts an anonymous volume on at run time unless the user mounts something there. ' +
      'Volumes outlive the container and are writable even with a read-only root filesystem. Never declare kernel interfaces (`/proc`, `/sys`, `/dev`) or `/boot` as volumes.',
    url: `${REF}#volume`,
    zh: {
      title: 'VOLUME：数据的挂载点',
      body: '声明一个路径，除非用户在那里挂载了别的东西，否则引擎会在运行时给它挂载一个匿名卷。卷的生命周期长于容器，即使根文件系统只读，卷也可写。不要把内核接口（`/proc`、`/sys`、`/dev`）或 `/boot` 声明为卷。',
    },
  },
  ADD: {
    title: 'ADD: copy with extras (URLs, archive extraction)',
    body:
      '`ADD` copies like `COPY` but also downloads URLs and unpacks local tar archives. The extras surprise readers and can pull unverified content into the image. ' +
      'Use `COPY` for local files; for downloads use `ADD --checksum=sha256:…` or `RUN curl` followed by a checksum check.',
    url: `${REF}#add`,
    zh: {
      title: 'ADD：附带额外功能的复制（URL、解压归档）',
      body: '`ADD` 像 `COPY` 一样复制，但还会下载 URL、解压本地 tar 归档。这些额外功能出人意料，还可能把未经校验的内容带进镜像。本地文件用 `COPY`；下载则用 `ADD --checksum=sha256:…`，或用 `RUN curl` 下载后校验哈希。',
    },
  },
  COPY: {
    title: 'COPY: copy files into the image',
    body:
      'Copies files from the build context or, with `--from`, from another stage or image. Files are owned by root unless `--chown` says otherwise, which is what you want for code the app should not be able to modify. ' +
      '`COPY --from=stage / /` copies a whole filesystem, including its users, setuid binaries and any secrets left in it.',
    url: `${REF}#copy`,
    zh: {
      title: 'COPY：把文件复制进镜像',
      body: '从构建上下文，或通过 `--from` 从另一个阶段或镜像复制文件。除非 `--chown` 另行指定，文件属于 root，对于应用不应修改的代码来说这正合适。`COPY --from=stage / /` 会复制整个文件系统，包括其中的用户、setuid 程序和遗留的任何密钥。',
    },
  },
  RUN: {
    title: 'RUN: a build step',
    body: "Runs a command in a new layer at build time, as the current `USER`. BuildKit flags change its isolation: `--mount=type=secret` passes a secret without storing it in a layer, `--network` picks the step's network, and `--security=insecure` drops the build sandbox.",
    url: `${REF}#run`,
    zh: {
      title: 'RUN：一个构建步骤',
      body: '在构建时以当前 `USER` 在新的层中运行命令。BuildKit 参数会改变它的隔离方式：`--mount=type=secret` 传入密钥而不写入层，`--network` 选择该步骤的网络，`--security=insecure` 则去掉构建沙箱。',
    },
  },
  FROM: {
    title: 'FROM: the base image',
    body:
      'Starts a build stage from a base image. The base decides the default user (usually root), which tools exist (a shell, a package manager) and how many known vulnerabilities come along. ' +
      'Pin a tag (or a digest for reproducible builds) and prefer small bases such as `-slim`, Alpine or distroless for the final stage.',
    url: `${REF}#from`,
    zh: {
      title: 'FROM：基础镜像',
      body: '从基础镜像开始一个构建阶段。基础镜像决定了默认用户（通常是 root）、有哪些工具（shell、包管理器）以及附带多少已知漏洞。请固定标签（要可复现构建则固定摘要），最终阶段优先使用 `-slim`、Alpine 或 distroless 等小型基础镜像。',
    },
  },
  WORKDIR: {
    title: 'WORKDIR: the working directory',
    body: "Sets the directory for the following instructions and for the container's processes; it is created (owned by root) if missing. Keep it under an application path such as `/app`, never under `/proc`, `/sys` or `/dev`.",
    url: `${REF}#workdir`,
    zh: {
      title: 'WORKDIR：工作目录',
      body: '为后续指令和容器的进程设置目录；目录不存在时会被创建（属于 root）。把它放在 `/app` 这样的应用路径下，不要放在 `/proc`、`/sys` 或 `/dev` 下。',
    },
  },
  ENV: {
    title: 'ENV: environment variables baked into the image',
    body: 'Values set with `ENV` are stored in the image config and visible to anyone who can pull the image (`docker inspect`, `docker history`). Never put passwords, tokens or keys here; pass them at run time or use BuildKit secrets at build time.',
    url: `${REF}#env`,
    zh: {
      title: 'ENV：写进镜像的环境变量',
      body: '用 `ENV` 设置的值保存在镜像配置中，任何能拉取镜像的人都能看到（`docker inspect`、`docker history`）。不要在这里放密码、令牌或密钥；在运行时传入，或在构建时使用 BuildKit secret。',
    },
  },
  ARG: {
    title: 'ARG: build-time variables',
    body: "Build arguments are not in the final image's environment, but their values are recorded in the image history (`docker history`) when a `RUN` uses them. Use `RUN --mount=type=secret` for secrets instead.",
    url: `${REF}#arg`,
    zh: {
      title: 'ARG：构建时变量',
      body: '构建参数不在最终镜像的环境中，但当 `RUN` 使用它们时，其值会被记录在镜像历史里（`docker history`）。密钥请改用 `RUN --mount=type=secret`。',
    },
  },
};

export const RUN_FLAGS: Record<string, Explanation> = {
  'mount=secret': {
    title: 'RUN --mount=type=secret',
    body: 'Mounts a secret (by `id`) as a file (default `/run/secrets/<id>`) or an environment variable for this step only. It is not written into any layer or the image history: the right way to use tokens and keys during a build.',
    url: `${REF}#run---mounttypesecret`,
    zh: {
      title: 'RUN --mount=type=secret',
      body: '仅在这一步把密钥（按 `id`）挂载为文件（默认 `/run/secrets/<id>`）或环境变量。它不会写入任何层或镜像历史：这是构建时使用令牌和密钥的正确方式。',
    },
  },
  'mount=ssh': {
    title: 'RUN --mount=type=ssh',
    body: "Forwards the builder's SSH agent socket into this step, so `git clone` of private repositories works without copying a private key into the image.",
    url: `${REF}#run---mounttypessh`,
    zh: {
      title: 'RUN --mount=type=ssh',
      body: '把构建机的 SSH agent 套接字转发到这一步，这样无需把私钥复制进镜像，`git clone` 私有仓库也能成功。',
    },
  },
  'mount=cache': {
    title: 'RUN --mount=type=cache',
    body: 'Mounts a cache directory that persists between builds (package manager caches). Its content is not part of the image. Caches are shared between builds on the same builder, so never keep secrets there.',
    url: `${REF}#run---mounttypecache`,
    zh: {
      title: 'RUN --mount=type=cache',
      body: '挂载一个在多次构建之间保留的缓存目录（包管理器缓存）。其内容不属于镜像。同一构建机上的构建共享缓存，因此不要在里面保存密钥。',
    },
  },
  'mount=bind': {
    title: 'RUN --mount=type=bind',
    body: 'Mounts files from the build context or another stage read-only for this step, without copying them into a layer.',
    url: `${REF}#run---mounttypebind`,
    zh: { title: 'RUN --mount=type=bind', body: '仅在这一步以只读方式挂载构建上下文或另一个阶段的文件，而不把它们复制进层。' },
  },
  'mount=tmpfs': {
    title: 'RUN --mount=type=tmpfs',
    body: 'Mounts an in-memory filesystem for this step; nothing written there reaches the image.',
    url: `${REF}#run---mounttypetmpfs`,
    zh: { title: 'RUN --mount=type=tmpfs', body: '为这一步挂载一个内存文件系统；写在那里的内容不会进入镜像。' },
  },
  network: {
    title: 'RUN --network',
    body: "`default` gives the step the builder's usual sandboxed network, `none` gives it only loopback (good for steps that must not download anything), and `host` shares the build host's network namespace: the step can reach services bound to the host's loopback.",
    url: `${REF}#run---network`,
    zh: {
      title: 'RUN --network',
      body: '`default` 让该步骤使用构建机通常的沙箱网络，`none` 只提供回环接口（适合不得下载任何东西的步骤），`host` 共享构建主机的网络 namespace：该步骤能访问宿主机回环地址上的服务。',
    },
  },
  security: {
    title: 'RUN --security',
    body: '`insecure` runs the step without the build sandbox, with all capabilities, like `docker run --privileged`; it needs the `security.insecure` entitlement on the builder. `sandbox` is the default.',
    url: `${REF}#run---security`,
    zh: {
      title: 'RUN --security',
      body: '`insecure` 让该步骤脱离构建沙箱、拥有全部 capability 运行，就像 `docker run --privileged`；它需要构建机授予 `security.insecure` 权限。默认值是 `sandbox`。',
    },
  },
};
