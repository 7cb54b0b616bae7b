// Short explanations of the Dockerfile instructions and RUN flags that decide a container's
// isolation, shown on hover (pure core layer, data only). Written by us from the Dockerfile
// reference and the BuildKit documentation.

export interface Explanation {
  title: string;
  /** Markdown, a few sentences: what it is, why it matters for isolation, what to do. */
  body: string;
  url: string;
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
  },
  HEALTHCHECK: {
    title: 'HEALTHCHECK: how the engine tells the app is working',
    body:
      'Runs a command inside the container at an interval; after `--retries` failures the container is marked unhealthy, which orchestrators and `restart` policies act on. ' +
      "The check runs with the container's user and isolation, so keep it small (`wget -qO-` or `curl -fsS` against a local port, or the app's own `healthcheck` subcommand). `HEALTHCHECK NONE` turns off one inherited from the base image.",
    url: `${REF}#healthcheck`,
  },
  EXPOSE: {
    title: 'EXPOSE: documents the ports the app listens on',
    body:
      '`EXPOSE` publishes nothing by itself: it records which ports the app listens on, and `docker run -P` publishes them on all host interfaces. ' +
      'Exposing 22 suggests an SSH server in the container, which is a second way in that needs its own keys and patching; use `docker exec` instead.',
    url: `${REF}#expose`,
  },
  VOLUME: {
    title: 'VOLUME: a mount point for data',
    body:
      'Declares a path that the engine mounts an anonymous volume on at run time unless the user mounts something there. ' +
      'Volumes outlive the container and are writable even with a read-only root filesystem. Never declare kernel interfaces (`/proc`, `/sys`, `/dev`) or `/boot` as volumes.',
    url: `${REF}#volume`,
  },
  ADD: {
    title: 'ADD: copy with extras (URLs, archive extraction)',
    body:
      '`ADD` copies like `COPY` but also downloads URLs and unpacks local tar archives. The extras surprise readers and can pull unverified content into the image. ' +
      'Use `COPY` for local files; for downloads use `ADD --checksum=sha256:…` or `RUN curl` followed by a checksum check.',
    url: `${REF}#add`,
  },
  COPY: {
    title: 'COPY: copy files into the image',
    body:
      'Copies files from the build context or, with `--from`, from another stage or image. Files are owned by root unless `--chown` says otherwise, which is what you want for code the app should not be able to modify. ' +
      '`COPY --from=stage / /` copies a whole filesystem, including its users, setuid binaries and any secrets left in it.',
    url: `${REF}#copy`,
  },
  RUN: {
    title: 'RUN: a build step',
    body: "Runs a command in a new layer at build time, as the current `USER`. BuildKit flags change its isolation: `--mount=type=secret` passes a secret without storing it in a layer, `--network` picks the step's network, and `--security=insecure` drops the build sandbox.",
    url: `${REF}#run`,
  },
  FROM: {
    title: 'FROM: the base image',
    body:
      'Starts a build stage from a base image. The base decides the default user (usually root), which tools exist (a shell, a package manager) and how many known vulnerabilities come along. ' +
      'Pin a tag (or a digest for reproducible builds) and prefer small bases such as `-slim`, Alpine or distroless for the final stage.',
    url: `${REF}#from`,
  },
  WORKDIR: {
    title: 'WORKDIR: the working directory',
    body: "Sets the directory for the following instructions and for the container's processes; it is created (owned by root) if missing. Keep it under an application path such as `/app`, never under `/proc`, `/sys` or `/dev`.",
    url: `${REF}#workdir`,
  },
  ENV: {
    title: 'ENV: environment variables baked into the image',
    body: 'Values set with `ENV` are stored in the image config and visible to anyone who can pull the image (`docker inspect`, `docker history`). Never put passwords, tokens or keys here; pass them at run time or use BuildKit secrets at build time.',
    url: `${REF}#env`,
  },
  ARG: {
    title: 'ARG: build-time variables',
    body: "Build arguments are not in the final image's environment, but their values are recorded in the image history (`docker history`) when a `RUN` uses them. Use `RUN --mount=type=secret` for secrets instead.",
    url: `${REF}#arg`,
  },
};

export const RUN_FLAGS: Record<string, Explanation> = {
  'mount=secret': {
    title: 'RUN --mount=type=secret',
    body: 'Mounts a secret (by `id`) as a file (default `/run/secrets/<id>`) or an environment variable for this step only. It is not written into any layer or the image history: the right way to use tokens and keys during a build.',
    url: `${REF}#run---mounttypesecret`,
  },
  'mount=ssh': {
    title: 'RUN --mount=type=ssh',
    body: "Forwards the builder's SSH agent socket into this step, so `git clone` of private repositories works without copying a private key into the image.",
    url: `${REF}#run---mounttypessh`,
  },
  'mount=cache': {
    title: 'RUN --mount=type=cache',
    body: 'Mounts a cache directory that persists between builds (package manager caches). Its content is not part of the image. Caches are shared between builds on the same builder, so never keep secrets there.',
    url: `${REF}#run---mounttypecache`,
  },
  'mount=bind': {
    title: 'RUN --mount=type=bind',
    body: 'Mounts files from the build context or another stage read-only for this step, without copying them into a layer.',
    url: `${REF}#run---mounttypebind`,
  },
  'mount=tmpfs': {
    title: 'RUN --mount=type=tmpfs',
    body: 'Mounts an in-memory filesystem for this step; nothing written there reaches the image.',
    url: `${REF}#run---mounttypetmpfs`,
  },
  network: {
    title: 'RUN --network',
    body: "`default` gives the step the builder's usual sandboxed network, `none` gives it only loopback (good for steps that must not download anything), and `host` shares the build host's network namespace: the step can reach services bound to the host's loopback.",
    url: `${REF}#run---network`,
  },
  security: {
    title: 'RUN --security',
    body: '`insecure` runs the step without the build sandbox, with all capabilities, like `docker run --privileged`; it needs the `security.insecure` entitlement on the builder. `sandbox` is the default.',
    url: `${REF}#run---security`,
  },
};
