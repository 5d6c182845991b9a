import { builtinRules } from '../rules';
import { ConfigError } from './config-error';
import { parseConfig } from './validate-config';

const parse = (text: string) => parseConfig(text, 'enforcer.config.json', builtinRules);

function errorOf(text: string): ConfigError {
  try {
    parse(text);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('parseConfig', () => {
  it('should accept a full config with comments and trailing commas', () => {
    const config = parse(`{
      // team policy
      "$schema": "./node_modules/@nx-enforcer/core/schema/enforcer.schema.json",
      "rules": { "logging/no-console": ["error", { "allow": ["error"] }], "errors/no-empty-catch": "warn", },
      "ignores": ["src/generated/**"],
      "overrides": [{ "files": ["src/cli/**"], "rules": { "logging/no-console": "off" } }],
      "testFiles": ["**/*.spec.ts"],
      "maxFileSize": 2048,
      "session": { "maxViolationsPerFile": 20, "maxViolations": 2000 },
    }`);
    expect(config.session).toEqual({ maxViolationsPerFile: 20, maxViolations: 2000 });
    expect(config.rules?.['logging/no-console']).toEqual(['error', { allow: ['error'] }]);
    expect(config.overrides?.[0].files).toEqual(['src/cli/**']);
  });

  it('should name the file, line and column of a syntax error', () => {
    const error = errorOf('{\n  "rules": {\n    "logging/no-console": "warn"\n    "errors/no-empty-catch": "off"\n  }\n}');
    expect(error.code).toBe('config-syntax');
    expect(error.message).toMatch(/^enforcer\.config\.json:4:5: invalid JSON \(CommaExpected\)$/);
  });

  it('should give the JSON path of a bad session limit', () => {
    expect(errorOf('{ "session": { "maxViolations": -1 } }').message).toContain('session.maxViolations');
    expect(errorOf('{ "session": { "maxViolation": 5 } }').message).toContain('maxViolation');
  });

  it('should accept a byte-order mark before the JSON', () => {
    expect(parse('\uFEFF{ "rules": { "logging/no-console": "error" } }').rules).toEqual({ 'logging/no-console': 'error' });
  });

  it.each(['__proto__', 'constructor', 'prototype'])('should refuse the key %s anywhere, with its path', (key) => {
    const error = errorOf(`{ "rules": { "logging/no-console": ["warn", { "${key}": { "allow": ["log"] } }] } }`);
    expect(error.message).toBe(`enforcer.config.json:1:47: rules["logging/no-console"][1].${key}: the key "${key}" is not allowed in a config`);
    expect(({} as Record<string, unknown>).allow).toBeUndefined();
  });

  it('should refuse glob lists that would exhaust memory with a config error naming the list, and accept large real ones', () => {
    const globs = (count: number) => JSON.stringify(Array.from({ length: count }, (_, index) => `gen/${index}/**`));
    expect(parse(`{ "ignores": ${globs(10_000)} }`).ignores).toHaveLength(10_000);
    expect(errorOf(`{ "ignores": ${globs(200_000)} }`).message).toMatch(/^enforcer\.config\.json:1:\d+: ignores: must NOT have more than 10000 items$/);
    expect(errorOf(`{ "testFiles": ["${'*'.repeat(2000)}"] }`).message).toMatch(/testFiles\[0\]: must NOT have more than 1024 characters$/);
    const overrides = JSON.stringify(Array.from({ length: 3 }, () => ({ files: JSON.parse(globs(4_000)), rules: {} })));
    expect(errorOf(`{ "overrides": ${overrides} }`).message).toBe(
      'enforcer.config.json:1:1: it holds 12000 globs in all; a config may hold at most 10000 (ignores, testFiles and every ' +
        "override's files and excludedFiles together): use fewer, wider globs (`gen/**` rather than one per file)",
    );
  });

  it('should refuse a config nested thousands of levels deep with a clean error, not a stack overflow', () => {
    const deep = `{ "session": ${'['.repeat(5000)}${']'.repeat(5000)} }`;
    expect(errorOf(deep).message).toBe('enforcer.config.json: the file nests 5001 levels deep; a config needs at most 64');
    // Brackets inside strings and comments are not nesting.
    expect(parse(`{ "ignores": ["${'['.repeat(100)}"] /* ${'{'.repeat(100)} */ }`).ignores).toEqual(['['.repeat(100)]);
  });

  it('should reject an empty file with a hint', () => {
    expect(errorOf('').message).toContain('write {} for the defaults');
  });

  it('should list the valid rule ids for an unknown rule', () => {
    const error = errorOf('{ "rules": { "logging/no-consol": "warn" } }');
    expect(error.code).toBe('config-unknown-rule');
    expect(error.path).toBe('rules["logging/no-consol"]');
    expect(error.message).toContain('unknown rule "logging/no-consol"');
    expect(error.message).toContain(`Valid rule ids: ${builtinRules.map((rule) => rule.id).join(', ')}`);
    expect(error.message).toMatch(/^enforcer\.config\.json:1:14: /);
  });

  it('should reject an invalid severity with the valid choices', () => {
    const error = errorOf('{ "rules": { "logging/no-console": "warning" } }');
    expect(error.message).toContain('rules["logging/no-console"]: invalid severity "warning"; expected one of "off", "warn", "error"');
  });

  it('should give the JSON path of an option of the wrong type', () => {
    const error = errorOf('{ "rules": { "logging/no-console": ["warn", { "allow": "error" }] } }');
    expect(error.code).toBe('config-invalid-options');
    expect(error.path).toBe('rules["logging/no-console"][1].allow');
    expect(error.message).toContain('must be array');
  });

  it('should reject unknown rule options and list the allowed ones', () => {
    const error = errorOf('{ "rules": { "errors/no-empty-catch": ["error", { "allowComments": true }] } }');
    expect(error.message).toContain('unknown property "allowComments"; allowed: allowWithComment');
  });

  it('should check rules inside overrides too', () => {
    const error = errorOf('{ "overrides": [{ "files": ["a/**"], "rules": { "nope/rule": "off" } }] }');
    expect(error.path).toBe('overrides[0].rules["nope/rule"]');
  });

  it('should reject unknown top-level keys and wrong types', () => {
    expect(errorOf('{ "rule": {} }').message).toContain('unknown property "rule"');
    expect(errorOf('{ "ignores": "dist" }').message).toContain('ignores: must be array');
    expect(errorOf('{ "overrides": [{ "rules": {} }] }').message).toContain('missing required property "files"');
  });
});
