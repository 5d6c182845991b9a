import { patternSetting } from '../engine/pattern-rule';
import { option } from '../engine/rule-options';
import type { JsonSchema, Rule, SeveritySetting } from '../engine/types';
import { DEFAULT_MAX_FILE_SIZE, DEFAULT_SESSION_LIMITS, DEFAULT_UNCHECKED_FILES } from './defaults';

const severity = { type: 'string', enum: ['off', 'warn', 'error'] } as const;

/**
 * Bounds on lists in a config: far above any real configuration, far below what exhausts memory
 * (200,000 globs compile to matchers that need more than 1.5 GB), so a generated or hostile config
 * gets a config error naming the list instead of a crash.
 */
export const CONFIG_LIMITS = { globs: 10_000, globLength: 1_024, overrides: 1_000, patterns: 1_000 } as const;

/** The options both the generated structure validator and the rule-option validators are compiled with. */
export const AJV_OPTIONS = { allErrors: false, strict: false, verbose: true } as const;

/** A rule's setting in config: a severity, or a severity and an options object (checked rule by rule). */
export type RuleSetting = SeveritySetting | [SeveritySetting] | [SeveritySetting, Record<string, unknown>];

const glob = option.string({ minLength: 1, maxLength: CONFIG_LIMITS.globLength });
const globs = (description: string, bounds: { minItems?: number } = {}) => option.arrayOf(glob, { ...bounds, maxItems: CONFIG_LIMITS.globs, description });

export const sessionSetting = option.object(
  {
    maxViolationsPerFile: option.integer({ minimum: 0, description: `Violations stored per file. Default ${DEFAULT_SESSION_LIMITS.maxViolationsPerFile}.` }),
    maxViolations: option.integer({ minimum: 0, description: `Violations stored in the whole shard. Default ${DEFAULT_SESSION_LIMITS.maxViolations}.` }),
  },
  { description: 'Bounds on the violations the session shard (session.json) stores; counts are always exact and a cut list records how many it left out.' },
);

/**
 * The shape of an `enforcer.config.json`, the one source of its TypeScript type (types.ts), the
 * structure validator and the published schema. `ruleProperties` (the published schema's) lists
 * every rule id with its options; the structure validator leaves rule settings to be checked rule
 * by rule, for clearer messages.
 */
function configFileSchema(ruleProperties?: Record<string, JsonSchema>) {
  const rules = option.custom<Record<string, RuleSetting>>(
    { type: 'object', ...(ruleProperties ? { properties: ruleProperties } : {}) },
    { description: 'Rule id → "off" | "warn" | "error", or [severity, options].' },
  );
  return option.object({
    $schema: option.string(),
    rules,
    ignores: globs("Files never checked. Globs relative to this file's folder."),
    testFiles: globs("Files treated as tests (replaces the default list). Globs relative to this file's folder."),
    maxFileSize: option.integer({ minimum: 1, description: `Files larger than this many bytes are skipped with a notice. Default ${DEFAULT_MAX_FILE_SIZE}.` }),
    uncheckedFiles: option.enumOf(['off', 'warn', 'error'] as const, {
      description:
        `How a file that could not be checked (too large, binary, not UTF-8, unreadable, a rule that failed on it) is reported ` +
        `besides its notice: a finding of \`enforcer/unchecked-file\` at this severity, so that a gate sees it, or \`off\` for ` +
        `the notice alone. Default "${DEFAULT_UNCHECKED_FILES}".`,
    }),
    otherLinterSuppressions: option.boolean({
      description:
        "Other linters' suppression comments that name an equivalent rule (`eslint-disable-next-line no-console`, " +
        "`oxlint-disable`, `# noqa: T201`, `# pylint: disable=bare-except`) suppress the enforcer's rule too. Default true.",
    }),
    rulesDirectory: option.string({
      minLength: 1,
      description: "Folder of the workspace's own rules (one rule per file, default export), relative to the workspace root. Root config only.",
    }),
    patterns: option.arrayOf(patternSetting, {
      maxItems: CONFIG_LIMITS.patterns,
      description: 'Declarative rules: a regular expression and a message, as rule `pattern/<id>`.',
    }),
    session: sessionSetting,
    overrides: option.arrayOf(
      option.object(
        {
          files: globs("Globs relative to this file's folder.", { minItems: 1 }),
          excludedFiles: globs("Globs relative to this file's folder."),
          rules,
        },
        { required: ['files', 'rules'] },
      ),
      { maxItems: CONFIG_LIMITS.overrides, description: 'Rule settings for the files matching `files` (and not `excludedFiles`).' },
    ),
  });
}

/** What an `enforcer.config.json` holds (the source of `EnforcerConfigFile`). */
export const configFileSetting = configFileSchema();

/** The config file's structure, as the generated structure validator checks it. */
export const configStructureSchema: JsonSchema = configFileSetting.schema;

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
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'nx-enforcer configuration',
    ...configFileSchema(ruleProperties).schema,
  };
}

/** The text of `schema/enforcer.schema.json`: what `npm run schema` writes and a spec compares. */
export function configJsonSchemaText(rules: readonly Rule[]): string {
  return `${JSON.stringify(buildConfigJsonSchema(rules), null, 2)}\n`;
}
