// Entry point of the language server process as VS Code starts it (dist/server.js): loads the
// server itself (dist/server-main.js, from server.ts) with V8's code cache (io/codeCache.ts). The
// cache is written 10 s after start, with what the first analyses compiled, or at exit.
import { join } from 'node:path';
import { codeCacheDir, loadWithCodeCache } from './io/codeCache';

loadWithCodeCache(join(__dirname, 'server-main.js'), { dir: codeCacheDir(), writeAfterMs: 10_000 });
