import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtinRules } from '../rules';
import { buildConfigJsonSchema } from './config-schema';

const publishedSchemaPath = join(__dirname, '../../schema/enforcer.schema.json');

describe('published config schema', () => {
  it('should match the rule registry (regenerate with `npm run schema`)', () => {
    const published = JSON.parse(readFileSync(publishedSchemaPath, 'utf8'));
    expect(published).toEqual(buildConfigJsonSchema(builtinRules));
  });

  it('should list every built-in rule id for editor completion', () => {
    const schema = buildConfigJsonSchema(builtinRules) as { properties: { rules: { properties: Record<string, unknown> } } };
    expect(Object.keys(schema.properties.rules.properties)).toEqual(builtinRules.map((rule) => rule.id));
  });
});
