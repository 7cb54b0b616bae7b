// The official SARIF 2.1.0 schema (test/fixtures) as an ajv validator, with the two known defects of
// the upstream copy repaired in memory (as test/cli.test.ts does).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

export function sarifValidator() {
  const schema = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'sarif-schema-2.1.0.json'), 'utf8')) as {
    definitions: Record<string, { properties?: Record<string, unknown>; anyOf?: unknown }>;
  };
  const region = schema.definitions.region;
  if (region.properties && Array.isArray(region.properties.anyOf)) {
    region.anyOf = region.properties.anyOf;
    delete region.properties.anyOf;
  }
  const repair = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
      if (k === 'pattern' && typeof v === 'string' && v.startsWith('^(?i)'))
        (node as Record<string, unknown>)[k] = '^[a-zA-Z]{2}(-[a-zA-Z]{2})?$';
      else repair(v);
    }
  };
  repair(schema);
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  return ajv.compile(schema);
}
