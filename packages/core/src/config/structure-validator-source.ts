import Ajv2020 from 'ajv/dist/2020';
import standaloneCode from 'ajv/dist/standalone';
import { AJV_OPTIONS, configStructureSchema } from './config-schema';

export const STRUCTURE_VALIDATOR_FILE = 'structure-validator.generated.ts';

/**
 * The source of structure-validator.generated.ts: the config structure schema compiled ahead of time
 * by ajv. Compiling it at run time costs every enforce task process about 0.1 s (loading ajv, then
 * compiling); the generated code needs only ajv's small runtime helpers. A spec fails when the
 * checked-in file is not what this gives for the current schema.
 */
export function structureValidatorSource(): string {
  const ajv = new Ajv2020({ ...AJV_OPTIONS, code: { source: true, esm: true } });
  const code = standaloneCode(ajv, ajv.compile(configStructureSchema));
  return [
    '// @ts-nocheck',
    '// Generated from configStructureSchema (config-schema.ts) by structure-validator-source.ts: do not edit.',
    '// Regenerate: npx nx run @nx-enforcer/core:build && (cd packages/core && npm run validator)',
    code,
    '',
  ].join('\n');
}
