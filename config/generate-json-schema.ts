/** Writes config/baseline.schema.json for editor completion (`npm run schema`). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { baselineConfigSchema } from '../policies/config/org-config';

export function jsonSchema(): object {
  return z.toJSONSchema(baselineConfigSchema, { io: 'input', unrepresentable: 'any' });
}

if (require.main === module) {
  const out = join(__dirname, 'baseline.schema.json');
  writeFileSync(out, `${JSON.stringify(jsonSchema(), null, 2)}\n`);
  console.log(`wrote ${out}`);
}
