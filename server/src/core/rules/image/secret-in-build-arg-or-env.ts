// CT1008 secret-in-build-arg-or-env: an ARG default or ENV value is a credential written into the
// Dockerfile (pure core layer). The name and value heuristics live in secretPatterns.ts.

import { t, type Range, type Text } from '../../types';
import { imageRule, type Hit } from '../rule';
import { kvPairs } from './kvPairs';
import { BROWSER_PREFIX, harmlessValue, knownFormatOf, knownFormatZh, secretWordOf, secretWordZh } from './secretPatterns';
import { zh } from './zh';

const REF = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)[^}]*\}|([A-Za-z_][A-Za-z0-9_]*))/g;

/** Names of the variables a value refers to. */
function references(value: string): string[] {
  return [...value.matchAll(REF)].map((m) => m[1] ?? m[2]);
}

/** The indefinite article by sound: an API key, an HMAC key, an SSH key, a JWT, a password. */
function a(word: string): string {
  return /^[aeiouAEIOU]|^(API|HMAC|SSH|RSA|SSL)\b/.test(word) ? `an ${word}` : `a ${word}`;
}

/** The literal fallback of `${VAR:-fallback}` / `${VAR-fallback}`, when it is not harmless. */
function literalFallback(value: string): string | undefined {
  for (const m of value.matchAll(/\$\{[A-Za-z_][A-Za-z0-9_]*:?-([^}]*)\}/g)) {
    if (!m[1].includes('$') && !harmlessValue(m[1])) return m[1];
  }
  return undefined;
}

export default imageRule(
  {
    id: 'CT1008',
    name: 'secret-in-build-arg-or-env',
    title: 'A credential is written into an ARG or ENV',
    defaultSeverity: 'error',
    appliesTo: ['dockerfile'],
    explanation:
      "Values set with `ENV` are stored in the image's configuration: anyone who can pull the image reads them with `docker inspect`, and every container started from it (and every process in it) gets them. " +
      'Build arguments are not much better: an `ARG` default is in the Dockerfile, which usually lives in version control, and the values a `RUN` step sees are recorded in the image history and in build provenance. ' +
      'A credential in either place has left your control for good: deleting it in a later layer does not remove it from earlier ones, so it has to be revoked. ' +
      'This rule reports a value only when it is literally there. It looks at the name: whole words such as PASSWORD, PASSWD, PASS, SECRET, TOKEN, CREDENTIALS, or KEY after API, ACCESS, SECRET, PRIVATE, CLIENT and similar (`API_KEY`, `AWS_SECRET_ACCESS_KEY`, `dbPassword`). ' +
      'A name that only contains such a word inside another one (`TOKENIZERS_PARALLELISM`, `KEYBOARD`, `BYPASS`), that describes a credential instead of holding it (it ends in `_URL`, `_FILE`, `_PATH`, `_DIR`, `_ENDPOINT`, `_NAME`, `_LENGTH`, `_TTL`, …), that names a public key (`GPG_KEY`, `PUBLIC_KEY`) or a key ID (`AWS_ACCESS_KEY_ID`), or a user name (`USERNAME`) is not a secret. ' +
      'Values that cannot be a credential are skipped too: empty values, on/off switches (`MYSQL_ALLOW_EMPTY_PASSWORD=yes`), file paths, URLs without a password, placeholders like `<token>`, and `${VAR}` references. ' +
      'Variables that front-end build tools inline into the JavaScript every browser downloads (`VITE_`, `NEXT_PUBLIC_`, `REACT_APP_`, `EXPO_PUBLIC_`, `NUXT_PUBLIC_`, `GATSBY_`, `PUBLIC_`) are public by design, so their names are not judged either. ' +
      'Independently of the name, a value with the shape of a known credential is reported: a private key block, AWS access key IDs (`AKIA…`), GitHub (`ghp_…`, `github_pat_…`), GitLab, Slack, Stripe, Google, npm and OpenAI-style keys, JSON Web Tokens, and URLs with a password (`postgres://app:secret@db/app`). ' +
      "One reference is reported as well: `ENV NPM_TOKEN=${NPM_TOKEN}` after `ARG NPM_TOKEN` copies whatever is passed with `--build-arg` into the image's environment. " +
      'An `ARG` without a default (`ARG NPM_TOKEN`) is not reported, because the file holds no value; it still is the wrong channel for secrets, see below.',
    remediation:
      'Remove the value and revoke the credential: it is already in the image history and the repository history. ' +
      'Give secrets to the build with BuildKit secret mounts, which are never stored in a layer: `RUN --mount=type=secret,id=npm_token,env=NPM_TOKEN npm ci` built with `docker build --secret id=npm_token,env=NPM_TOKEN .`. ' +
      'Give secrets to the running container at run time instead of baking them in: Docker or Compose secrets (files under `/run/secrets`, read through variables such as `POSTGRES_PASSWORD_FILE`), or environment values passed with `docker run -e`/`--env-file` from a secret store.',
    zh: {
      title: '凭据被写进了 ARG 或 ENV',
      explanation:
        '用 `ENV` 设置的值保存在镜像的配置中：任何能拉取该镜像的人都能用 `docker inspect` 读到它们，从它启动的每个容器（以及其中的每个进程）也都会得到它们。' +
        '构建参数也好不了多少：`ARG` 的默认值写在 Dockerfile 中，而 Dockerfile 通常放在版本控制里；`RUN` 步骤看到的值会记录在镜像历史和构建来源证明（provenance）中。' +
        '凭据一旦出现在这两个地方，就永远脱离了你的控制：在后面的层中删除它，并不能把它从前面的层中去掉，所以必须吊销它。' +
        '本规则只在值确实以字面形式写在那里时才报告。它会看名称：PASSWORD、PASSWD、PASS、SECRET、TOKEN、CREDENTIALS 这样的完整单词，或者跟在 API、ACCESS、SECRET、PRIVATE、CLIENT 等词后面的 KEY（`API_KEY`、`AWS_SECRET_ACCESS_KEY`、`dbPassword`）。' +
        '以下名称不算机密：只是在另一个单词内部含有这类词的（`TOKENIZERS_PARALLELISM`、`KEYBOARD`、`BYPASS`），描述凭据而不是保存凭据的（以 `_URL`、`_FILE`、`_PATH`、`_DIR`、`_ENDPOINT`、`_NAME`、`_LENGTH`、`_TTL` 等结尾），指公钥的（`GPG_KEY`、`PUBLIC_KEY`）或密钥 ID 的（`AWS_ACCESS_KEY_ID`），以及用户名（`USERNAME`）。' +
        '不可能是凭据的值也会跳过：空值、开关值（`MYSQL_ALLOW_EMPTY_PASSWORD=yes`）、文件路径、不含密码的 URL、`<token>` 这样的占位符，以及 `${VAR}` 引用。' +
        '前端构建工具会把某些变量内联进每个浏览器都会下载的 JavaScript 中（`VITE_`、`NEXT_PUBLIC_`、`REACT_APP_`、`EXPO_PUBLIC_`、`NUXT_PUBLIC_`、`GATSBY_`、`PUBLIC_`），这些变量按设计就是公开的，因此也不根据它们的名称做判断。' +
        '与名称无关，只要值具有已知凭据的形态就会报告：私钥块、AWS 访问密钥 ID（`AKIA…`）、GitHub（`ghp_…`、`github_pat_…`）、GitLab、Slack、Stripe、Google、npm 和 OpenAI 风格的密钥、JSON Web Token，以及带密码的 URL（`postgres://app:secret@db/app`）。' +
        '有一种引用也会被报告：在 `ARG NPM_TOKEN` 之后写 `ENV NPM_TOKEN=${NPM_TOKEN}`，会把通过 `--build-arg` 传入的任何值复制到镜像的环境变量中。' +
        '没有默认值的 `ARG`（`ARG NPM_TOKEN`）不会被报告，因为文件中没有值；但它仍然不是传递机密的正确渠道，见下文。',
      remediation:
        '删除这个值并吊销该凭据：它已经在镜像历史和仓库历史中了。' +
        '用 BuildKit 的 secret 挂载把机密交给构建，它们永远不会保存在任何层中：`RUN --mount=type=secret,id=npm_token,env=NPM_TOKEN npm ci`，构建时使用 `docker build --secret id=npm_token,env=NPM_TOKEN .`。' +
        '在运行时把机密交给运行中的容器，而不是把它们打进镜像：使用 Docker 或 Compose secrets（`/run/secrets` 下的文件，通过 `POSTGRES_PASSWORD_FILE` 之类的变量读取），或者用 `docker run -e`/`--env-file` 传入来自机密存储的环境变量值。',
    },
    references: [
      { title: 'Docker docs: build secrets', url: 'https://docs.docker.com/build/building/secrets/' },
      {
        title: 'Docker build checks: SecretsUsedInArgOrEnv',
        url: 'https://docs.docker.com/reference/build-checks/secrets-used-in-arg-or-env/',
      },
      {
        title: 'Dockerfile reference: RUN --mount=type=secret',
        url: 'https://docs.docker.com/reference/dockerfile/#run---mounttypesecret',
      },
      { title: 'Docker Compose: use secrets', url: 'https://docs.docker.com/compose/how-tos/use-secrets/' },
      {
        title: 'CIS Docker Benchmark 4.10: Ensure secrets are not stored in Dockerfiles',
        url: 'https://www.cisecurity.org/benchmark/docker',
      },
    ],
    peers: {
      hadolint: ['DL3064'],
      trivy: ['DS031'],
      kics: ['Passwords And Secrets'],
      cis: ['4.10'],
    },
    bad: [
      { bad: 'FROM postgres:16\nENV POSTGRES_PASSWORD=hunter2\n' },
      { bad: 'FROM mysql:8.4\nENV MYSQL_ROOT_PASSWORD s3cr3t-Passw0rd\n' },
      { bad: 'FROM node:20-slim\nARG NPM_TOKEN=npm_a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8\nRUN npm ci\n' },
      { bad: 'FROM python:3.12-slim\nENV APP_ENV=production \\\n    API_KEY=3f9a7c1e5b2d4a6f8e0c \\\n    LOG_LEVEL=info\n' },
      { bad: 'FROM alpine:3.20\nENV AWS_SECRET_ACCESS_KEY="Zq8vT1mR4nW7yB0cF3hJ6kL9pS2uX5aD8gE1iO4r"\n' },
      { bad: 'FROM alpine:3.20\nARG GH_AUTH=ghp_0123456789abcdefghijABCDEFGHIJ012345\n' },
      { bad: 'FROM alpine:3.20\nENV NOTIFY_HOOK=https://hooks.slack.com/services/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\n' },
      { bad: 'FROM node:20-slim\nENV DATABASE_URL=postgres://app:s3cr3t@db:5432/app\n' },
      { bad: 'FROM node:20-slim\nARG NPM_TOKEN\nENV NPM_TOKEN=${NPM_TOKEN}\nRUN npm ci\n' },
      { bad: 'FROM alpine:3.20\nENV DB_PASSWORD=${DB_PASSWORD:-changeme}\n' },
    ],
    good: [
      // A secret mount: the value never lands in a layer or the image config.
      'FROM node:20-slim\nRUN --mount=type=secret,id=npm_token,env=NPM_TOKEN npm ci\n',
      'FROM node:20-slim\nARG NPM_TOKEN\nRUN --mount=type=secret,id=npm_token,env=NPM_TOKEN npm ci\n',
      'FROM postgres:16\nENV POSTGRES_PASSWORD_FILE=/run/secrets/db_password\n',
      // The official python image: a GPG key fingerprint is public.
      'FROM buildpack-deps:bookworm\nENV GPG_KEY A035C8C19219BA821ECEA86B64E628F8D684696D\n',
      // Names that contain the words but mean something else (hadolint's DL3064 reports USERNAME and GOPRIVATE).
      'FROM python:3.12-slim\nENV TOKENIZERS_PARALLELISM=false KEYBOARD_LAYOUT=us\n',
      'FROM debian:bookworm\nARG USERNAME=vscode\nARG USER_UID=1000\n',
      'FROM golang:1.23\nENV GOPRIVATE=gitlab.example.com/* GOFLAGS=-mod=readonly\n',
      'FROM alpine:3.20\nENV GITHUB_TOKEN_URL=https://github.com/login/oauth/access_token SECRET_NAME=prod/db PASSWORD_MIN_LENGTH=12\n',
      'FROM mysql:8.4\nENV MYSQL_ALLOW_EMPTY_PASSWORD=yes MYSQL_RANDOM_ROOT_PASSWORD=yes\n',
      'FROM alpine:3.20\nENV SSH_PRIVATE_KEY_PATH=/home/app/.ssh/id_ed25519 AWS_ACCESS_KEY_ID=\n',
      'FROM alpine:3.20\nARG DB_PASSWORD=""\nENV API_TOKEN=<set-at-runtime>\n',
      'FROM node:20-slim\nENV DATABASE_URL=postgres://app:${DB_PASSWORD}@db:5432/app\n',
      // Inlined into the browser bundle: public by design (hadolint's DL3064 reports these names).
      'FROM node:20-slim AS web\nARG VITE_API_KEY=demo-public-key\nENV NEXT_PUBLIC_MAPS_API_KEY=AIzaSyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q\n',
      // Rails asset precompilation needs a dummy switch, not a secret.
      'FROM ruby:3.3-slim\nENV SECRET_KEY_BASE_DUMMY=1\n',
    ],
  },
  (model): Hit[] => {
    const hits: Hit[] = [];
    const argsByStage = new Map<number, Set<string>>();
    const push = (range: Range, message: Text) => hits.push({ range, message });
    for (const instr of model.instructions) {
      if (instr.keyword !== 'ARG' && instr.keyword !== 'ENV') continue;
      const kind = instr.keyword;
      let args = argsByStage.get(instr.stage);
      if (!args) argsByStage.set(instr.stage, (args = new Set()));
      for (const pair of kvPairs(instr, model.escapeChar)) {
        if (kind === 'ARG') args.add(pair.name);
        const value = pair.value;
        if (value === undefined || value.trim() === '') continue;
        const browser = BROWSER_PREFIX.test(pair.name);
        const format = knownFormatOf(value, browser);
        if (format) {
          push(
            pair.range,
            t(
              `The value of ${kind} ${pair.name} looks like ${format}: written into a Dockerfile, it is kept in the source and in the image for anyone who can read either.`,
              zh`${kind} ${pair.name} 的值看起来像${knownFormatZh(format)}：写进 Dockerfile 后，它会保存在源码和镜像中，能读取其中任意一个的人都能看到。`,
            ),
          );
          continue;
        }
        const word = browser ? undefined : secretWordOf(pair.name);
        if (!word) continue;
        const wordZh = secretWordZh(word);
        const refs = references(value);
        if (refs.length > 0) {
          const fallback = literalFallback(value);
          const fromArg = kind === 'ENV' ? refs.find((r) => args.has(r)) : undefined;
          if (fallback !== undefined) {
            push(
              pair.range,
              t(
                `${kind} ${pair.name} falls back to a literal ${word} when the variable is unset: that default is in the Dockerfile and ends up in the image.`,
                zh`变量未设置时，${kind} ${pair.name} 会回退为一个字面写出的${wordZh}：这个默认值就写在 Dockerfile 中，并最终进入镜像。`,
              ),
            );
          } else if (fromArg) {
            push(
              pair.range,
              t(
                `ENV ${pair.name} copies the build argument ${fromArg} into the image's environment: whatever ${word} is passed with --build-arg is stored in the image for anyone who can pull it. Use a secret mount instead.`,
                zh`ENV ${pair.name} 把构建参数${fromArg}复制到镜像的环境变量中：通过 --build-arg 传入的任何${wordZh}都会保存在镜像里，能拉取镜像的人都能看到。请改用 secret 挂载。`,
              ),
            );
          }
          continue;
        }
        if (harmlessValue(value)) continue;
        push(
          pair.range,
          kind === 'ENV'
            ? t(
                `ENV ${pair.name} puts ${a(word)} into the image as a literal value: anyone who can pull the image can read it with docker inspect, and it is in the Dockerfile's source too.`,
                zh`ENV ${pair.name} 把一个${wordZh}以字面值写进镜像：能拉取镜像的人都可以用 docker inspect 读到它，而且它也在 Dockerfile 的源码中。`,
              )
            : t(
                `ARG ${pair.name} has ${a(word)} as its literal default: it is in the Dockerfile's source and in the image's build history once a RUN step uses it.`,
                zh`ARG ${pair.name} 的默认值是一个字面写出的${wordZh}：它在 Dockerfile 的源码中，一旦某个 RUN 步骤用到它，也会出现在镜像的构建历史中。`,
              ),
        );
      }
    }
    return hits;
  },
  // Reads each ARG and ENV with the ARGs declared before it in its own stage.
  'stage',
);
