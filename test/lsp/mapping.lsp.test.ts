// Files mapped to a kind in settings (containment.composeFiles, daemonFiles, seccompFiles) are
// analysed as that kind; unmapped JSON and YAML are left alone.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startServer } from './harness';

test('mapped Compose, daemon.json and seccomp files are analysed; others are not', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'containment-map-'));
  const client = await startServer({
    workspaceFolder: dir,
    settings: { composeFiles: ['deploy/*.yml'], daemonFiles: ['engine.json'], seccompFiles: ['security/**/*.json'] },
  });
  try {
    const uri = (p: string) => pathToFileURL(join(dir, p)).href;
    const codes = async (p: string, lang: string, text: string) => (await client.open(uri(p), text, lang)).map((d) => String(d.code));
    assert.ok(
      (await codes('deploy/prod.yml', 'yaml', 'services:\n  web:\n    image: nginx:1.27\n    privileged: true\n')).includes('CT2001'),
    );
    assert.ok((await codes('ops/engine.json', 'json', '{"icc": true}\n')).includes('CT4004'));
    assert.ok((await codes('security/app/profile.json', 'json', '{"defaultAction": "SCMP_ACT_ALLOW"}\n')).includes('CT3001'));
    assert.deepEqual(await codes('other/settings.json', 'json', '{"icc": true}\n'), [], 'an unmapped JSON file is not a daemon.json');
  } finally {
    await client.shutdown();
    rmSync(dir, { recursive: true, force: true });
  }
});
