import { ruleOptionsProblem } from '../config/validate-config';
import { defineRule } from './define-rule';
import { defineOptions, option, type OptionsOf, type ValueOf } from './rule-options';

/** True exactly when A and B are the same type (not merely assignable either way). */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

const options = defineOptions({
  allowInMain: option.boolean({ default: true, description: 'Accept it in a main block.' }),
  entryPoints: option.stringArray({ default: ['bin/**'], description: 'Files that print by design.' }),
  level: option.enumOf(['info', 'warn'] as const, { default: 'info', description: 'The level to log at.' }),
  maxLength: option.integer({ minimum: 1, maximum: 100, default: 10, description: 'The longest line.' }),
  byTag: option.record(option.stringArray(), { default: {}, description: 'Globs per tag.' }),
  rules: option.arrayOf(option.object({ from: option.string({ minLength: 1 }), to: option.stringArray() }, { required: ['from'] }), {
    default: [],
    description: 'Moves.',
  }),
});

describe('defineOptions', () => {
  it('should give the JSON schema a config is validated against and editors complete', () => {
    expect(options.schema).toEqual({
      type: 'object',
      additionalProperties: false,
      properties: {
        allowInMain: { type: 'boolean', description: 'Accept it in a main block.', default: true },
        entryPoints: { type: 'array', items: { type: 'string', minLength: 1 }, description: 'Files that print by design.', default: ['bin/**'] },
        level: { enum: ['info', 'warn'], description: 'The level to log at.', default: 'info' },
        maxLength: { type: 'integer', minimum: 1, maximum: 100, description: 'The longest line.', default: 10 },
        byTag: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string', minLength: 1 } }, description: 'Globs per tag.', default: {} },
        rules: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['from'],
            properties: { from: { type: 'string', minLength: 1 }, to: { type: 'array', items: { type: 'string', minLength: 1 } } },
          },
          description: 'Moves.',
          default: [],
        },
      },
    });
  });

  it("should give the defaults, which are the schema's", () => {
    expect(options.defaults).toEqual({ allowInMain: true, entryPoints: ['bin/**'], level: 'info', maxLength: 10, byTag: {}, rules: [] });
  });

  it('should infer the options type: every option set, each of its own type', () => {
    const same: Equal<
      OptionsOf<typeof options>,
      {
        allowInMain: boolean;
        entryPoints: string[];
        level: 'info' | 'warn';
        maxLength: number;
        byTag: Record<string, string[]>;
        rules: Array<{ from: string; to?: string[] }>;
      }
    > = true;
    expect(same).toBe(true);
    const object = option.object({ name: option.string(), tags: option.stringArray() }, { required: ['name'] });
    const requiredOrNot: Equal<ValueOf<typeof object>, { name: string; tags?: string[] }> = true;
    expect(requiredOrNot).toBe(true);
  });

  it('should refuse, at compile time and at run time, an option without a default or a description', () => {
    // @ts-expect-error -- a rule always runs with a value for each option
    expect(() => defineOptions({ allowInMain: option.boolean({ description: 'Accept it.' }) })).toThrow(
      'every option needs a description and a default: allowInMain',
    );
    expect(() => defineOptions({ allowInMain: option.boolean({ default: true }) })).toThrow('every option needs a description and a default: allowInMain');
  });

  it('should refuse, at compile time, a default of the wrong type', () => {
    // @ts-expect-error -- the default of a boolean option is a boolean
    option.boolean({ default: 'yes', description: 'Accept it.' });
    // @ts-expect-error -- only the listed values
    option.enumOf(['info', 'warn'] as const, { default: 'debug', description: 'The level.' });
    // @ts-expect-error -- `required` names properties of the object
    option.object({ from: option.string() }, { required: ['to'] });
  });
});

describe('a rule whose options are declared with defineOptions', () => {
  const rule = defineRule<'found', OptionsOf<typeof options>>({
    id: 'local/example',
    meta: {
      category: 'errors',
      defaultSeverity: 'warn',
      docs: { description: 'An example.', rationale: 'To test the options.' },
      messages: { found: 'Found: {{what}}.' },
      options,
    },
    create(context) {
      // @ts-expect-error -- not an option of this rule
      void context.options.notAnOption;
      const level: 'info' | 'warn' = context.options.level;
      void level;
      return {};
    },
  });

  it('should get the schema and defaults every consumer reads', () => {
    expect(rule.meta.schema).toBe(options.schema);
    expect(rule.meta.defaultOptions).toBe(options.defaults);
    expect('options' in rule.meta).toBe(false);
  });

  it('should accept its defaults and refuse what the schema does not allow, as a config would', () => {
    expect(ruleOptionsProblem(rule, rule.meta.defaultOptions)).toBeUndefined();
    expect(ruleOptionsProblem(rule, { level: 'debug' })).toBe('level: must be one of "info", "warn"');
    expect(ruleOptionsProblem(rule, { maxLength: 0 })).toBe('maxLength: must be >= 1');
    expect(ruleOptionsProblem(rule, { rules: [{ to: ['a'] }] })).toBe('rules[0]: missing required property "from"');
    expect(ruleOptionsProblem(rule, { entryPoints: [''] })).toBe('entryPoints[0]: must NOT have fewer than 1 characters');
    expect(ruleOptionsProblem(rule, { notAnOption: 1 })).toBe(
      'unknown property "notAnOption"; allowed: allowInMain, entryPoints, level, maxLength, byTag, rules',
    );
  });

  it('should leave a rule with a hand-written schema and defaults as it is', () => {
    const schema = { type: 'object', additionalProperties: false, properties: { names: { type: 'array', items: { type: 'string' }, default: [] } } };
    const handWritten = defineRule<'found', { names: string[] }>({
      id: 'local/hand-written',
      meta: {
        category: 'errors',
        defaultSeverity: 'warn',
        docs: { description: 'An example.', rationale: 'To test the options.' },
        messages: { found: 'Found: it.' },
        schema,
        defaultOptions: { names: [] },
      },
      create: () => ({}),
    });
    expect(handWritten.meta.schema).toBe(schema);
    expect(handWritten.meta.defaultOptions).toEqual({ names: [] });
  });
});
