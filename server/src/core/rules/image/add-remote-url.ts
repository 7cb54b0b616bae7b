// CT1005 add-remote-url: ADD downloads from a URL or a Git repository without pinning what it gets
// (pure core layer).

import { imageRule, type Hit } from '../rule';
import { addSources } from './addSources';
import { innerRange } from './runScan';

/** The ref a Git source asks for: `#ref[:subdir]` or `?ref=…`; undefined for the default branch. */
function gitRef(src: string): string | undefined {
  const hash = src.indexOf('#');
  if (hash >= 0) return src.slice(hash + 1).split(':')[0] || undefined;
  const m = /[?&](?:ref|tag|branch|commit)=([^&#]+)/.exec(src);
  return m ? m[1] : undefined;
}

const COMMIT = /^([0-9a-f]{40}|[0-9a-f]{64})$/i;

function shorten(src: string): string {
  return src.length > 72 ? `${src.slice(0, 69)}…` : src;
}

export default imageRule(
  {
    id: 'CT1005',
    name: 'add-remote-url',
    title: 'ADD downloads from a URL without verifying it',
    defaultSeverity: 'warning',
    appliesTo: ['dockerfile'],
    explanation:
      '`ADD https://…` and `ADD <git repository>` fetch content from the network at build time and put it straight into the image. ' +
      'Without a checksum nothing checks what arrived: the file behind a URL can be replaced on the server, by a compromised mirror or CDN, or by anyone on the path when the URL is plain `http://`; a branch or tag of a Git repository can be moved to another commit. ' +
      'The same Dockerfile then builds a different image on a different day, and a supply-chain attacker only has to change the remote file to get code into your image, which often runs as root. ' +
      'A download is reported unless the instruction has `--checksum=sha256:…`. A Git source is reported unless it has `--checksum` or asks for a full commit hash (`#<40 hex digits>`), which names exactly one tree. ' +
      'Sources written entirely as a variable (`ADD $URL /x`) are not judged.',
    remediation:
      'Pin the content: `ADD --checksum=sha256:<digest> https://example.com/tool-1.2.3.tar.gz /tmp/` (the build fails if the file changes), or download in a `RUN` step and check it there: ' +
      '`RUN curl -fsSLo /tmp/tool.tgz https://example.com/tool-1.2.3.tar.gz && echo "<sha256>  /tmp/tool.tgz" | sha256sum -c -`. ' +
      'For Git sources, use a full commit hash as the ref (`ADD https://github.com/org/repo.git#<commit> /src`) or add `--checksum=<commit>`. ' +
      'Prefer `https://` URLs, versioned file names, and signatures where the publisher offers them.',
    references: [
      { title: 'Dockerfile reference: ADD --checksum', url: 'https://docs.docker.com/reference/dockerfile/#add---checksum' },
      {
        title: 'Dockerfile reference: ADD (URLs and Git repositories as sources)',
        url: 'https://docs.docker.com/reference/dockerfile/#add',
      },
      { title: 'Docker build best practices: ADD or COPY', url: 'https://docs.docker.com/build/building/best-practices/#add-or-copy' },
      {
        title: 'CIS Docker Benchmark 4.9 (COPY instead of ADD) and 4.11 (verified packages only)',
        url: 'https://www.cisecurity.org/benchmark/docker',
      },
    ],
    peers: {
      checkov: ['CKV_DOCKER_4'],
      kics: ['Curl or Wget Instead of Add'],
      cis: ['4.9', '4.11'],
    },
    bad: [
      { bad: 'FROM debian:bookworm-slim\nADD https://github.com/krallin/tini/releases/download/v0.19.0/tini /tini\nRUN chmod +x /tini\n' },
      { bad: 'FROM alpine:3.20\nADD http://downloads.example.com/agent/agent-linux-amd64.tar.gz /opt/\n' },
      {
        bad: 'FROM alpine:3.20\nADD --chown=app:app https://raw.githubusercontent.com/example/tools/main/install.sh /usr/local/bin/install.sh\n',
      },
      { bad: 'FROM golang:1.23\nADD https://github.com/moby/buildkit.git#v0.16.0 /src/buildkit\n' },
      { bad: 'FROM golang:1.23\nADD --keep-git-dir=true git@github.com:example/private-lib.git /src/lib\n' },
      { bad: 'FROM alpine:3.20\nADD ["https://example.com/config/app.yaml", "/etc/app/app.yaml"]\n' },
      { bad: 'FROM alpine:3.20\nARG VERSION=1.4.2\nADD https://example.com/releases/v${VERSION}/tool.tgz \\\n    /tmp/tool.tgz\n' },
    ],
    good: [
      'FROM alpine:3.20\nADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://mirrors.edge.kernel.org/pub/linux/kernel/Historic/linux-0.01.tar.gz /\n',
      'FROM golang:1.23\nADD https://github.com/moby/buildkit.git#d0f33a0ee2fb6d8bfa1b4b2b4d1e0eb2b18a1a4c /src/buildkit\n',
      'FROM golang:1.23\nADD --checksum=d0f33a0ee2fb6d8bfa1b4b2b4d1e0eb2b18a1a4c https://github.com/moby/buildkit.git#v0.16.0 /src/buildkit\n',
      // Local files are CT1004's business.
      'FROM alpine:3.20\nADD rootfs.tar.gz /\n',
      'FROM alpine:3.20\nRUN curl -fsSLo /tmp/tool.tgz https://example.com/tool-1.2.3.tgz \\\n && echo "0f343b0931126a20f133d67c2b018a3b4a0f1e9e5e2b1c6b1d1f0d0a4b2b3c4d  /tmp/tool.tgz" | sha256sum -c -\n',
      'FROM alpine:3.20\nARG URL\nADD $URL /opt/\n',
    ],
  },
  (model): Hit[] => {
    const hits: Hit[] = [];
    for (const instr of model.instructions) {
      if (instr.keyword !== 'ADD') continue;
      const checksum = instr.flags.some((f) => f.name === 'checksum' && (f.value ?? '') !== '');
      if (checksum) continue;
      for (const src of addSources(model, instr)) {
        if (src.kind === 'http') {
          const plain = /^(http|ftp):\/\//i.test(src.value);
          hits.push({
            range: innerRange(src.word),
            message: plain
              ? `ADD downloads ${shorten(src.value)} over plain ${src.value.split(':')[0].toUpperCase()} and without --checksum: anyone on the network path, or whoever controls the server, decides what goes into the image.`
              : `ADD downloads ${shorten(src.value)} without --checksum: if the file changes on the server or a mirror, the build silently takes the new content.`,
          });
        } else if (src.kind === 'git') {
          const ref = gitRef(src.value);
          if (ref && COMMIT.test(ref)) continue;
          hits.push({
            range: innerRange(src.word),
            message: `ADD fetches the Git repository ${shorten(src.value.split('#')[0])} at ${ref ? `"${ref}"` : 'its default branch'}, a name that can be moved to other commits, and nothing checks what arrives; use a full commit hash or --checksum.`,
          });
        }
      }
    }
    return hits;
  },
);
