// CT2024 secret-in-environment: a credential written as a literal environment value in a Compose
// file or on a `docker run` line (pure core layer). The name and value heuristics are shared with
// the Dockerfile rule CT1008 (rules/image/secretPatterns.ts).

import { runtimeRule, type Hit } from '../rule';
import { harmlessValue, knownFormatOf, secretWordOf } from '../image/secretPatterns';
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
            message: `${spec.label} sets ${e.name} to what looks like ${format}: written here it is readable by anyone with the file, the shell history or docker inspect. Pass it as a secret instead.`,
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
            message: `${spec.label} lets ${e.name} fall back to a literal ${word} when the variable is unset: that fallback is in the file for anyone who can read it. Require the variable instead (\${${e.name}:?…}).`,
          });
        }
        continue;
      }
      if (harmlessValue(value)) continue;
      hits.push({
        range,
        message: `${spec.label} sets ${e.name} to ${article(word)} written in plain text: it is readable by anyone with the file, the shell history or docker inspect. Use a secret or a variable from the environment instead.`,
      });
    }
    return hits;
  },
);
