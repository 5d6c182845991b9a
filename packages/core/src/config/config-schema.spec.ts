import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtinRules } from '../rules';
import { buildConfigJsonSchema, configJsonSchemaText } from './config-schema';
import { validate } from './structure-validator.generated';
import type { EnforcerConfigFile } from './types';

const publishedSchemaPath = join(__dirname, '../../schema/enforcer.schema.json');

describe('published config schema', () => {
  it('should be the file npm run schema writes from config-schema.ts and the rule registry (regenerate: build, then `npm run schema`)', () => {
    expect(readFileSync(publishedSchemaPath, 'utf8')).toBe(configJsonSchemaText(builtinRules));
  });

  it('should list every built-in rule id for editor completion', () => {
    const schema = buildConfigJsonSchema(builtinRules) as { properties: { rules: { properties: Record<string, unknown> } } };
    expect(Object.keys(schema.properties.rules.properties)).toEqual(builtinRules.map((rule) => rule.id));
  });
});

describe('the config type, inferred from the same schema', () => {
  it('should type what the structure validator accepts, and refuse what it refuses', () => {
    const config: EnforcerConfigFile = {
      rules: { 'logging/no-console': ['error', { allow: ['error'] }] },
      uncheckedFiles: 'warn',
      patterns: [{ id: 'no-todo', regex: 'TODO', message: 'Track it: in the issue tracker.' }],
      session: { maxViolations: 10 },
      overrides: [{ files: ['**/*.spec.ts'], rules: { 'logging/no-console': 'off' } }],
    };
    expect(validate(config)).toBe(true);
    // @ts-expect-error -- not a key of the config
    const unknownKey: EnforcerConfigFile = { rulez: {} };
    expect(validate(unknownKey)).toBe(false);
    // @ts-expect-error -- an override needs its files
    const overrideWithoutFiles: EnforcerConfigFile = { overrides: [{ rules: {} }] };
    expect(validate(overrideWithoutFiles)).toBe(false);
    // @ts-expect-error -- a pattern needs its message
    const patternWithoutMessage: EnforcerConfigFile = { patterns: [{ id: 'x', regex: 'x' }] };
    expect(validate(patternWithoutMessage)).toBe(false);
    // @ts-expect-error -- not a severity
    const badSeverity: EnforcerConfigFile = { uncheckedFiles: 'loud' };
    expect(validate(badSeverity)).toBe(false);
  });
});
