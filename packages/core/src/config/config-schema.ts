import type { JsonSchema, Rule } from '../engine/types';

const severity = { type: 'string', enum: ['off', 'warn', 'error'] } as const;

function patternSchema(): JsonSchema {
  return {
    type: 'object',
    additionalProperties: false,
    required: ['id', 'regex', 'message'],
    properties: {
      id: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]*$', description: 'Kebab-case id; the rule is `pattern/<id>`.' },
      regex: { type: 'string', minLength: 1, description: 'A JavaScript regular expression, searched line by line (lines over 2000 characters are skipped).' },
      flags: { type: 'string', pattern: '^[imsuy]*$', description: 'Regular expression flags, e.g. "i".', default: '' },
      message: { type: 'string', minLength: 1, description: 'What is wrong and what to do instead.' },
      files: { type: 'array', items: { type: 'string', minLength: 1 }, description: 'Globs of the files to search, relative to this file\'s folder. Default: TypeScript and JavaScript files.' },
      severity: { type: 'string', enum: ['warn', 'error'], description: 'Default: warn.', default: 'warn' },
    },
  };
}

function sessionSchema(): JsonSchema {
  return {
    type: 'object',
    additionalProperties: false,
    description: 'Bounds on the violations the session shard (session.json) stores; counts are always exact and a cut list records how many it left out.',
    properties: {
      maxViolationsPerFile: { type: 'integer', minimum: 0, description: 'Violations stored per file. Default 100.' },
      maxViolations: { type: 'integer', minimum: 0, description: 'Violations stored in the whole shard. Default 100000.' },
    },
  };
}

/**
 * Bounds on lists in a config: far above any real configuration, far below what exhausts memory
 * (200,000 globs compile to matchers that need more than 1.5 GB), so a generated or hostile config
 * gets a config error naming the list instead of a crash.
 */
export const CONFIG_LIMITS = { globs: 10_000, globLength: 1_024, overrides: 1_000, patterns: 1_000 } as const;

const globItem = (): JsonSchema => ({ type: 'string', minLength: 1, maxLength: CONFIG_LIMITS.globLength });

/** The options both the generated structure validator and the rule-option validators are compiled with. */
export const AJV_OPTIONS = { allErrors: false, strict: false, verbose: true } as const;

/** The config file's structure; rule settings are checked rule by rule for clearer messages. */
export const configStructureSchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    rules: { type: 'object' },
    ignores: { type: 'array', maxItems: CONFIG_LIMITS.globs, items: globItem() },
    testFiles: { type: 'array', maxItems: CONFIG_LIMITS.globs, items: globItem() },
    maxFileSize: { type: 'integer', minimum: 1 },
    uncheckedFiles: { enum: ['off', 'warn', 'error'] },
    otherLinterSuppressions: { type: 'boolean' },
    patterns: { type: 'array', maxItems: CONFIG_LIMITS.patterns, items: patternSchema() },
    rulesDirectory: { type: 'string', minLength: 1 },
    session: sessionSchema(),
    overrides: {
      type: 'array',
      maxItems: CONFIG_LIMITS.overrides,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['files', 'rules'],
        properties: {
          files: { type: 'array', minItems: 1, maxItems: CONFIG_LIMITS.globs, items: globItem() },
          excludedFiles: { type: 'array', maxItems: CONFIG_LIMITS.globs, items: globItem() },
          rules: { type: 'object' },
        },
      },
    },
  },
};

/**
 * The published JSON schema (`schema/enforcer.schema.json`), generated from the rule registry so
 * editors complete every rule id and its options.
 */
export function buildConfigJsonSchema(rules: readonly Rule[]): JsonSchema {
  const ruleProperties: Record<string, JsonSchema> = {};
  for (const rule of rules) {
    ruleProperties[rule.id] = {
      description: `${rule.meta.docs.description} Default: ${rule.meta.defaultSeverity}.`,
      oneOf: [
        severity,
        {
          type: 'array',
          prefixItems: [severity, rule.meta.schema],
          items: false,
          minItems: 1,
        },
      ],
    };
  }
  const rulesSchema: JsonSchema = {
    type: 'object',
    description: 'Rule id → "off" | "warn" | "error", or [severity, options].',
    properties: ruleProperties,
  };
  const globs = (description: string): JsonSchema => ({ type: 'array', description, maxItems: CONFIG_LIMITS.globs, items: globItem() });
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'nx-enforcer configuration',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      rules: rulesSchema,
      ignores: globs('Files never checked. Globs relative to this file\'s folder.'),
      testFiles: globs('Files treated as tests (replaces the default list). Globs relative to this file\'s folder.'),
      maxFileSize: { type: 'integer', minimum: 1, description: 'Files larger than this many bytes are skipped with a notice. Default 1048576.' },
      uncheckedFiles: {
        enum: ['off', 'warn', 'error'],
        description:
          'How a file that could not be checked (too large, binary, not UTF-8, unreadable, a rule that failed on it) is reported besides its notice: a finding of `enforcer/unchecked-file` at this severity, so that a gate sees it, or `off` for the notice alone. Default "warn".',
      },
      otherLinterSuppressions: {
        type: 'boolean',
        description: 'Other linters\' suppression comments that name an equivalent rule (`eslint-disable-next-line no-console`, `oxlint-disable`, `# noqa: T201`, `# pylint: disable=bare-except`) suppress the enforcer\'s rule too. Default true.',
      },
      rulesDirectory: { type: 'string', minLength: 1, description: 'Folder of the workspace\'s own rules (one rule per file, default export), relative to the workspace root. Root config only.' },
      patterns: { type: 'array', maxItems: CONFIG_LIMITS.patterns, description: 'Declarative rules: a regular expression and a message, as rule `pattern/<id>`.', items: patternSchema() },
      session: sessionSchema(),
      overrides: {
        type: 'array',
        maxItems: CONFIG_LIMITS.overrides,
        description: 'Rule settings for the files matching `files` (and not `excludedFiles`).',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['files', 'rules'],
          properties: {
            files: { ...globs('Globs relative to this file\'s folder.'), minItems: 1 },
            excludedFiles: globs('Globs relative to this file\'s folder.'),
            rules: rulesSchema,
          },
        },
      },
    },
  };
}
