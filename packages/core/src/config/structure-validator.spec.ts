import Ajv2020 from 'ajv/dist/2020';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AJV_OPTIONS, configStructureSchema } from './config-schema';
import { validate } from './structure-validator.generated';
import { STRUCTURE_VALIDATOR_FILE, structureValidatorSource } from './structure-validator-source';

describe('the config structure validator compiled ahead of time', () => {
  it('should be generated from the current schema (else: npx nx run @nx-enforcer/core:build && (cd packages/core && npm run validator))', () => {
    expect(readFileSync(join(__dirname, STRUCTURE_VALIDATOR_FILE), 'utf8')).toBe(structureValidatorSource());
  });

  const compiled = new Ajv2020(AJV_OPTIONS).compile(configStructureSchema);
  const generated = validate as unknown as typeof compiled;
  it.each([
    ['a valid config', { rules: { 'logging/no-console': 'error' }, ignores: ['dist/**'], overrides: [{ files: ['**/*.spec.ts'], rules: {} }] }],
    ['an unknown top-level key', { rulez: {} }],
    ['an empty glob', { ignores: [''] }],
    ['a glob that is not a string', { testFiles: [1] }],
    ['an override without files', { overrides: [{ rules: {} }] }],
  ])('should judge %s as ajv compiling the schema at run time does', (_label, config) => {
    const expected = compiled(config);
    expect(generated(config)).toBe(expected);
    const pick = (errors: typeof compiled.errors) =>
      (errors ?? []).map(({ keyword, instancePath, params, message }) => ({ keyword, instancePath, params, message }));
    expect(pick(generated.errors)).toEqual(pick(compiled.errors));
  });
});
