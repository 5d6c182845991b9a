import type { PatternConfig } from '../engine/pattern-rule';
import type { SeveritySetting } from '../engine/types';

/** A rule's setting in config: a severity, or a severity and an options object. */
export type RuleSetting = SeveritySetting | [SeveritySetting] | [SeveritySetting, Record<string, unknown>];

export interface ConfigOverride {
  /** Globs, relative to the folder of the config file that declares them. */
  files: string[];
  excludedFiles?: string[];
  rules: Record<string, RuleSetting>;
}

/** The content of an `enforcer.config.json`. */
export interface EnforcerConfigFile {
  $schema?: string;
  rules?: Record<string, RuleSetting>;
  /** Files never checked; globs relative to the config file's folder. */
  ignores?: string[];
  overrides?: ConfigOverride[];
  /** Files treated as tests (rules such as `logging/no-console` skip them); replaces the default list. */
  testFiles?: string[];
  /** Files larger than this many bytes are skipped with a notice. */
  maxFileSize?: number;
  /**
   * How a file that could not be checked (too large, binary, not UTF-8, unreadable, a rule that
   * failed on it) is reported besides its notice: a finding of `enforcer/unchecked-file` at this
   * severity, or `off` for the notice alone. Default `warn`.
   */
  uncheckedFiles?: SeveritySetting;
  /**
   * Other linters' suppression comments naming an equivalent rule (`eslint-disable-next-line no-console`,
   * `# noqa: T201`) suppress ours too. Default true.
   */
  otherLinterSuppressions?: boolean;
  /** The workspace's own rules: a folder (relative to the workspace root; root config only). */
  rulesDirectory?: string;
  /** Declarative rules: a regular expression and a message, as rule `pattern/<id>`. */
  patterns?: PatternConfig[];
  /** Bounds on the violations the session shard stores (counts are always exact). */
  session?: SessionLimitsSetting;
}

export interface SessionLimitsSetting {
  /** Violations stored per file; the rest are counted as `more`. */
  maxViolationsPerFile?: number;
  /** Violations stored in the whole shard; files beyond it keep only their counts. */
  maxViolations?: number;
}

/** One config file as it applies: its folder (posix, relative to the workspace root, `''` for the root). */
export interface ConfigLayer {
  base: string;
  /** Where it came from, for messages (posix, relative to the workspace root). */
  source: string;
  config: EnforcerConfigFile;
}
