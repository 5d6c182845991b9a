import Ajv2020 from 'ajv/dist/2020';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CODE_RULE_CATEGORIES } from '../engine/rule-categories';
import { builtinRules } from './index';

const rulesFolder = __dirname;
const docsFolder = join(__dirname, '../../docs/rules');

/** Checks that hold for every rule, so the set stays consistent as it grows. */
describe.each(builtinRules.map((rule) => [rule.id, rule] as const))('rule %s', (id, rule) => {
  const specPath = join(rulesFolder, `${id}.spec.ts`);

  it('should live in rules/<id>.ts with its category as the first id segment', () => {
    expect(existsSync(join(rulesFolder, `${id}.ts`))).toBe(true);
    expect(id.split('/')).toHaveLength(2);
    expect(id.split('/')[0]).toBe(rule.meta.category);
    // Built-in rules are written in code, like workspace rules: `pattern` is the config's.
    expect(CODE_RULE_CATEGORIES).toContain(rule.meta.category);
  });

  it('should have a spec that uses the rule tester and exercises every message id', () => {
    expect(existsSync(specPath)).toBe(true);
    const spec = readFileSync(specPath, 'utf8');
    expect(spec).toContain('RuleTester');
    for (const messageId of Object.keys(rule.meta.messages)) {
      expect(spec).toContain(`messageId: '${messageId}'`);
    }
  });

  it('should have a doc page that names the rule and documents every option', () => {
    const docPath = join(docsFolder, `${id}.md`);
    expect(existsSync(docPath)).toBe(true);
    const doc = readFileSync(docPath, 'utf8');
    expect(doc.startsWith(`# ${id}\n`)).toBe(true);
    for (const option of Object.keys((rule.meta.schema.properties as Record<string, unknown>) ?? {})) {
      expect(doc).toContain(`\`${option}\``);
    }
  });

  it("should have an options schema that rejects unknown keys, describes every option and accepts the defaults, which are the schema's", () => {
    const schema = rule.meta.schema as {
      type: string;
      additionalProperties: boolean;
      properties?: Record<string, { description?: string; default?: unknown }>;
    };
    expect(schema.type).toBe('object');
    expect(schema.additionalProperties).toBe(false);
    const defaults = rule.meta.defaultOptions as Record<string, unknown>;
    expect(Object.keys(defaults).sort()).toEqual(Object.keys(schema.properties ?? {}).sort());
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      expect([name, typeof property.description]).toEqual([name, 'string']);
      expect(property.default).toEqual(defaults[name]);
    }
    const validate = new Ajv2020({ strict: false }).compile(schema);
    expect(validate(rule.meta.defaultOptions)).toBe(true);
    expect(validate({ notAnOption: true })).toBe(false);
  });

  it('should say why it exists and what to do in its messages', () => {
    expect(rule.meta.docs.description.length).toBeGreaterThan(10);
    expect(rule.meta.docs.rationale.length).toBeGreaterThan(20);
    for (const message of Object.values(rule.meta.messages)) expect(message).toMatch(/:/);
  });

  it('should have, for every message, a hint that says what to change and is not the message again', () => {
    const messages = rule.meta.messages as Record<string, string>;
    const hints = (rule.meta.hints ?? {}) as Record<string, string | undefined>;
    expect(Object.keys(hints).filter((messageId) => !(messageId in messages))).toEqual([]);
    for (const [messageId, message] of Object.entries(messages)) {
      const hint = hints[messageId];
      // The message id in the expectation names the culprit when one is missing.
      expect([messageId, typeof hint]).toEqual([messageId, 'string']);
      expect([messageId, (hint ?? '').length >= 20]).toEqual([messageId, true]);
      expect(hint).not.toBe(message);
      // A hint is filled from the same report data as its message: a placeholder only it uses would stay visible.
      const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1]);
      expect(placeholders(hint ?? '').filter((name) => !placeholders(message).includes(name))).toEqual([]);
    }
  });
});

describe('rule registry', () => {
  it('should be sorted by id with unique ids', () => {
    const ids = builtinRules.map((rule) => rule.id);
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('should have a rule in every category a rule in code may have (else drop the category)', () => {
    expect([...new Set(builtinRules.map((rule) => rule.meta.category))].sort()).toEqual([...CODE_RULE_CATEGORIES].sort());
  });
});
