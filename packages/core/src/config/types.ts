import type { ValueOf } from '../engine/rule-options';
import type { configFileSetting, sessionSetting } from './config-schema';

// The config's types are inferred from its schema (config-schema.ts), which also gives the
// structure validator and the published enforcer.schema.json: the three cannot disagree.
export type { RuleSetting } from './config-schema';

/** The content of an `enforcer.config.json`. */
export type EnforcerConfigFile = ValueOf<typeof configFileSetting>;

/** Rule settings for the files matching `files` (globs relative to the declaring config's folder) and not `excludedFiles`. */
export type ConfigOverride = NonNullable<EnforcerConfigFile['overrides']>[number];

/** Bounds on the violations the session shard stores (counts are always exact). */
export type SessionLimitsSetting = ValueOf<typeof sessionSetting>;

/** One config file as it applies: its folder (posix, relative to the workspace root, `''` for the root). */
export interface ConfigLayer {
  base: string;
  /** Where it came from, for messages (posix, relative to the workspace root). */
  source: string;
  config: EnforcerConfigFile;
}
