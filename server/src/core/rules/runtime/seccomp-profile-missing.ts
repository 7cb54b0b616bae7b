// CT2029 seccomp-profile-missing: `seccomp=./profile.json` names a file that is not there, so
// Docker cannot create the container. analyze() looks for the file (link/seccompLink.ts) and
// records the result in the spec; this rule reads it (pure core layer).

import { runtimeRule, type Hit } from '../rule';
import { t } from '../../types';
import { hitAt, securityOpts } from './util1';

export default runtimeRule(
  {
    id: 'CT2029',
    name: 'seccomp-profile-missing',
    title: 'The custom seccomp profile does not exist',
    defaultSeverity: 'error',
    appliesTo: ['compose', 'shell', 'markdown'],
    explanation:
      '`security_opt: [seccomp=./profile.json]` in Compose, or `--security-opt seccomp=profile.json` on the command line, replaces Docker\'s default system call filter with the profile in that file. The Docker client reads the file when it creates the container; if it is not there, the container is not created ("opening seccomp profile … failed") and nothing runs. ' +
      'Containment looks for relative paths next to the Compose file or script that names them (Compose and the docker CLI resolve them from the directory you run the command in, usually the same one). Absolute paths are not reported when missing, because they usually name a file on the Docker host, and neither are paths in Markdown, where tutorials often name files the reader creates.',
    remediation:
      "Create the profile at that path, or fix the path. To start from Docker's default profile, run the command **Containment: Create a Seccomp Profile from Docker's Default** and allow or remove what your program needs. To use the default profile itself, remove the option.",
    zh: {
      title: '自定义 seccomp 配置文件不存在',
      explanation:
        'Compose 中的 `security_opt: [seccomp=./profile.json]`，或命令行上的 `--security-opt seccomp=profile.json`，会用那个文件里的配置文件替换 Docker 默认的系统调用过滤器。Docker 客户端在创建容器时读取这个文件；如果文件不存在，容器就不会被创建（"opening seccomp profile … failed"），什么也不会运行。' +
        'Containment 会在引用它的 Compose 文件或脚本旁边查找相对路径（Compose 和 docker 命令行从你运行命令的目录解析这些路径，通常就是同一个目录）。绝对路径缺失时不会被报告，因为它们通常指的是 Docker 宿主机上的文件；Markdown 中的路径也不会，因为教程里常常提到由读者自己创建的文件。',
      remediation:
        '在该路径下创建配置文件，或者修正路径。如果想以 Docker 的默认配置文件为起点，运行命令 **Containment: 根据 Docker 默认配置创建 Seccomp 配置文件**，再按程序的需要放行或删除相应的调用。如果想直接使用默认配置文件，删除这个选项即可。',
    },
    references: [
      { title: 'Seccomp security profiles for Docker', url: 'https://docs.docker.com/engine/security/seccomp/' },
      { title: 'Compose file reference: security_opt', url: 'https://docs.docker.com/reference/compose-file/services/#security_opt' },
      { title: 'docker container run: --security-opt', url: 'https://docs.docker.com/reference/cli/docker/container/run/#security-opt' },
    ],
    peers: {},
    bad: [
      {
        kind: 'compose',
        bad: 'services:\n  app:\n    image: example/app:1.0\n    security_opt:\n      - seccomp=./seccomp/app.json\n',
        files: {},
      },
      { kind: 'shell', bad: '#!/bin/sh\ndocker run --security-opt seccomp=profile.json example/app:1.0\n', files: {} },
    ],
    good: [
      {
        kind: 'compose',
        text: 'services:\n  app:\n    image: example/app:1.0\n    security_opt:\n      - seccomp=./seccomp/app.json\n',
        files: { 'seccomp/app.json': '{ "defaultAction": "SCMP_ACT_ERRNO", "syscalls": [] }' },
      },
      // A path on the Docker host cannot be checked from here.
      { kind: 'shell', text: '#!/bin/sh\ndocker run --security-opt seccomp=/etc/docker/seccomp/app.json example/app:1.0\n', files: {} },
      {
        kind: 'compose',
        text: 'services:\n  app:\n    image: example/app:1.0\n    security_opt: ["seccomp=unconfined", "seccomp=builtin"]\n',
        files: {},
      },
    ],
  },
  (spec): Hit[] =>
    securityOpts(spec, 'seccomp')
      .filter((o) => o.profile && !o.profile.exists)
      .map((o) =>
        hitAt(
          spec,
          o.origin,
          t(
            `${o.raw} in ${spec.label} names ${o.profile!.path}, which does not exist next to this file: Docker cannot read the profile and does not create the container.`,
            `${spec.label} 中的 ${o.raw} 指定了 ${o.profile!.path}，但相对于这个文件，该路径并不存在：Docker 读不到这个配置文件，也就不会创建容器。`,
          ),
        ),
      ),
);
