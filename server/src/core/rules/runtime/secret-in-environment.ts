// CT2024 secret-in-environment: a credential written as a literal environment value in a Compose
// file or on a `docker run` line (pure core layer). The name and value heuristics are shared with
// the Dockerfile rule CT1008 (rules/image/secretPatterns.ts).

import { runtimeRule, type Hit } from '../rule';
import { t } from '../../types';
import { harmlessValue, knownFormatOf, knownFormatZh, secretWordOf, secretWordZh } from '../image/secretPatterns';
import { zh } from '../image/zh';
import { article, at, hasInterpolation } from './util2';

/** The literal default of `${VAR:-default}` / `${VAR-default}` in a value, if any. */
function literalFallback(value: string): string | undefined {
  const m = /\$\{[A-Za-z_][A-Za-z0-9_]*:?-([^}]*)\}/.exec(value);
  return m && m[1].trim() !== '' && !hasInterpolation(m[1]) ? m[1] : undefined;
}

export default runtimeRule(
  {
    id: 'CT2024',
    name: 'secret-in-environment',
    title: 'A credential is written as a plain environment value',
    defaultSeverity: 'error',
    appliesTo: ['compose', 'shell', 'markdown'],
    explanation:
      'Environment values written into a Compose file or a `docker run` line are not secret anywhere: they sit in the repository and its history, in shell history and CI logs, in `docker inspect` output for anyone who can talk to the daemon, in `/proc/<pid>/environ` inside the container, and they are inherited by every child process and often printed in crash reports. ' +
      'How the rule decides, so you can predict it: ' +
      '(1) a value with the shape of a well-known credential is reported whatever the variable is called: private key blocks, AWS access key IDs, GitHub, GitLab, Slack, Stripe, Google, npm and OpenAI-style tokens, JSON Web Tokens, and URLs with a password (`postgres://app:s3cret@db/app`); ' +
      '(2) a variable whose name says it holds a credential (whole words such as PASSWORD, PASSWD, SECRET, TOKEN, CREDENTIALS, API_KEY, PRIVATE_KEY, ACCESS_KEY) with a literal value is reported, unless the last word describes the credential rather than holding it (`PASSWORD_FILE`, `TOKEN_URL`, `SECRET_NAME`, `PASSWORD_MIN_LENGTH`) or the value cannot be one (empty, `true`/`false`/`yes`, a path such as `/run/secrets/db`, a URL without a password, a `<placeholder>`); ' +
      '(3) a reference to the environment (`${DB_PASSWORD}`, `$DB_PASSWORD`, `-e DB_PASSWORD` with no value) is fine, because the file holds no value, but a literal fallback (`${DB_PASSWORD:-changeme}`) is reported, because that fallback is in the file. ' +
      'The same heuristics check Dockerfile ARG and ENV (CT1008). The rule errs on the side of silence for names it cannot read; it will not find a password in a variable called `X`.',
    remediation:
      "Remove the value, rotate the credential (it is already in history), and pass it at run time. In Compose, use `secrets:` (mounted as a file under `/run/secrets/`) and the image's `_FILE` variant where it has one: `POSTGRES_PASSWORD_FILE: /run/secrets/db_password`. " +
      'Otherwise reference a variable the deployment provides (`DB_PASSWORD: ${DB_PASSWORD:?set DB_PASSWORD}`) from an untracked `.env` file or a secret store; on the command line use `-e DB_PASSWORD` (no value: taken from the calling shell) or `--env-file` with a file outside the repository.',
    zh: {
      title: '凭据以明文环境变量值的形式写出',
      explanation:
        '写在 Compose 文件或 `docker run` 命令行里的环境变量值在哪里都不是秘密：它们留在代码仓库及其历史中，留在 shell 历史和 CI 日志中，出现在任何能与守护进程通信的人看到的 `docker inspect` 输出里，出现在容器内的 `/proc/<pid>/environ` 中，还会被每个子进程继承，并常常被打印到崩溃报告里。' +
        '这条规则如何判断（以便你预判结果）：' +
        '(1) 具有知名凭据格式的值，无论变量叫什么都会被报告：私钥块、AWS 访问密钥 ID、GitHub、GitLab、Slack、Stripe、Google、npm 和 OpenAI 风格的令牌、JSON Web Token，以及带密码的 URL（`postgres://app:s3cret@db/app`）；' +
        '(2) 名字表明它保存着凭据的变量（包含 PASSWORD、PASSWD、SECRET、TOKEN、CREDENTIALS、API_KEY、PRIVATE_KEY、ACCESS_KEY 等完整单词）如果带有字面值，就会被报告，除非最后一个单词是在描述凭据而不是保存凭据（`PASSWORD_FILE`、`TOKEN_URL`、`SECRET_NAME`、`PASSWORD_MIN_LENGTH`），或者这个值不可能是凭据（空值、`true`/`false`/`yes`、`/run/secrets/db` 这样的路径、不带密码的 URL、`<placeholder>` 占位符）；' +
        '(3) 引用环境中的变量（`${DB_PASSWORD}`、`$DB_PASSWORD`、不带值的 `-e DB_PASSWORD`）没有问题，因为文件里没有值；但字面的后备值（`${DB_PASSWORD:-changeme}`）会被报告，因为这个后备值就写在文件里。' +
        '同样的启发式规则也用于检查 Dockerfile 的 ARG 和 ENV（CT1008）。对于读不懂的名字，这条规则宁可不报；它不会在名为 `X` 的变量里找出密码。',
      remediation:
        '删除这个值，轮换这个凭据（它已经留在历史里了），改为在运行时传入。在 Compose 中，使用 `secrets:`（以文件形式挂载在 `/run/secrets/` 下），如果镜像支持 `_FILE` 变体就使用它：`POSTGRES_PASSWORD_FILE: /run/secrets/db_password`。' +
        '否则，就引用由部署环境提供的变量（`DB_PASSWORD: ${DB_PASSWORD:?set DB_PASSWORD}`），其值来自不受版本控制的 `.env` 文件或密钥存储；在命令行上，使用 `-e DB_PASSWORD`（不带值：从调用它的 shell 中获取）或 `--env-file` 加上一个位于仓库之外的文件。',
    },
    references: [
      { title: 'Docker Compose: use secrets', url: 'https://docs.docker.com/compose/how-tos/use-secrets/' },
      {
        title: 'Docker Compose: set environment variables (interpolation and .env)',
        url: 'https://docs.docker.com/compose/how-tos/environment-variables/set-environment-variables/',
      },
      { title: 'docker container run reference: --env', url: 'https://docs.docker.com/reference/cli/docker/container/run/' },
      {
        title: 'OWASP Docker Security Cheat Sheet, rule 12: utilize Docker secrets',
        url: 'https://cheatsheetseries.owasp.org/cheatsheets/Docker_Security_Cheat_Sheet.html',
      },
    ],
    peers: {
      composeLint: ['CL-0020', 'CL-0021'],
    },
    bad: [
      {
        kind: 'compose',
        bad: 'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: hunter2\n',
      },
      {
        kind: 'compose',
        bad: 'services:\n  api:\n    image: node:20-slim\n    environment:\n      - DATABASE_URL=postgres://app:s3cr3t@db:5432/app\n      - NODE_ENV=production\n',
      },
      {
        kind: 'compose',
        bad: 'services:\n  db:\n    image: mysql:8.4\n    environment:\n      MYSQL_ROOT_PASSWORD: ${MYSQL_ROOT_PASSWORD:-changeme}\n',
      },
      {
        kind: 'shell',
        bad: '#!/bin/sh\ndocker run -d -e GITHUB_TOKEN=ghp_0123456789abcdefghijABCDEFGHIJ012345 ghcr.io/actions/runner:2.319.1\n',
      },
      { kind: 'markdown', bad: '```bash\ndocker run -d --env API_KEY=3f9a7c1e5b2d4a6f8e0c my/api:1.2\n```\n' },
    ],
    good: [
      {
        kind: 'compose',
        text: 'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD_FILE: /run/secrets/db_password\n    secrets:\n      - db_password\nsecrets:\n  db_password:\n    file: ./db_password.txt\n',
      },
      {
        kind: 'compose',
        text: 'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}\n',
      },
      {
        kind: 'compose',
        text: 'services:\n  api:\n    image: node:20-slim\n    environment:\n      - DATABASE_URL=postgres://app:${DB_PASSWORD}@db:5432/app\n      - TOKENIZERS_PARALLELISM=false\n',
      },
      // Names that contain the words but do not hold a credential (peers report some of these).
      {
        kind: 'compose',
        text: 'services:\n  app:\n    image: node:20-slim\n    environment:\n      PASSWORD_MIN_LENGTH: "12"\n      GITHUB_TOKEN_URL: https://github.com/login/oauth/access_token\n      MYSQL_ALLOW_EMPTY_PASSWORD: "yes"\n      AWS_ACCESS_KEY_ID: ""\n',
      },
      { kind: 'shell', text: '#!/bin/sh\ndocker run -d -e DB_PASSWORD -e "API_KEY=$API_KEY" my/api:1.2\n' },
    ],
  },
  (spec): Hit[] => {
    const hits: Hit[] = [];
    for (const e of spec.env) {
      const value = e.value;
      if (value === undefined || value.trim() === '') continue;
      const range = at(spec, e.origin);
      if (!hasInterpolation(value) && !e.unknown) {
        const format = knownFormatOf(value);
        if (format) {
          hits.push({
            range,
            message: t(
              `${spec.label} sets ${e.name} to what looks like ${format}: written here it is readable by anyone with the file, the shell history or docker inspect. Pass it as a secret instead.`,
              zh`${spec.label} 把 ${e.name} 设为看起来像${knownFormatZh(format)}的值：写在这里，任何拿到这个文件、shell 历史或能运行 docker inspect 的人都能读到它。请改为通过 secret 传入。`,
            ),
          });
          continue;
        }
      }
      const word = secretWordOf(e.name);
      if (!word) continue;
      if (hasInterpolation(value) || e.unknown) {
        const fallback = literalFallback(value);
        if (fallback !== undefined && !harmlessValue(fallback)) {
          hits.push({
            range,
            message: t(
              `${spec.label} lets ${e.name} fall back to a literal ${word} when the variable is unset: that fallback is in the file for anyone who can read it. Require the variable instead (\${${e.name}:?…}).`,
              zh`${spec.label} 让 ${e.name} 在变量未设置时回退到一个字面的${secretWordZh(word)}：这个后备值就写在文件里，任何能读这个文件的人都能看到。请改为强制要求设置这个变量（\${${e.name}:?…}）。`,
            ),
          });
        }
        continue;
      }
      if (harmlessValue(value)) continue;
      hits.push({
        range,
        message: t(
          `${spec.label} sets ${e.name} to ${article(word)} written in plain text: it is readable by anyone with the file, the shell history or docker inspect. Use a secret or a variable from the environment instead.`,
          zh`${spec.label} 把 ${e.name} 设为以明文写出的${secretWordZh(word)}：任何拿到这个文件、shell 历史或能运行 docker inspect 的人都能读到它。请改用 secret 或来自环境的变量。`,
        ),
      });
    }
    return hits;
  },
);
