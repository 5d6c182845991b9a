import { createHash } from 'node:crypto';
import picomatch from 'picomatch';
import { isProjectRule, type ActiveRule, type FileRule, type ProjectRule, type Rule, type SeveritySetting } from '../engine/types';
import { checksCodeFiles, isCodeFile, textGlobsOf } from '../engine/source-kinds';
import { joinProjectPath, relativeToProject } from '../engine/workspace-paths';
import { stableStringify } from '../json/stable-stringify';
import { ENFORCER_VERSION } from '../version';
import { sourceHashOf } from './load-custom-rules';
import { DEFAULT_IGNORES, DEFAULT_MAX_FILE_SIZE, DEFAULT_SESSION_LIMITS, DEFAULT_TEST_FILES, DEFAULT_UNCHECKED_FILES } from './defaults';
import type { ConfigLayer, RuleSetting, SessionLimitsSetting } from './types';

type Matcher = (path: string) => boolean;

interface CompiledOverride {
  index: number;
  matches: Matcher;
  rules: Record<string, RuleSetting>;
}

interface CompiledLayer {
  base: string;
  rules: Record<string, RuleSetting>;
  ignores: Matcher;
  testFiles?: Matcher;
  overrides: CompiledOverride[];
}

interface EffectiveSetting {
  severity: SeveritySetting;
  options: unknown;
}

/**
 * The effective configuration for any file: built-in defaults, then each layer that contains the
 * file (root config, then the project's), each layer's matching overrides right after its own
 * rules, so a project's settings win over the root's. Globs are relative to their layer's folder.
 * Files that match the same layers and overrides share one rule list.
 */
export class ConfigResolver {
  /** Hash of everything that decides results: layers, rule set and enforcer version. */
  readonly hash: string;
  readonly maxFileSize: number;
  /** The severity of `enforcer/unchecked-file` findings (`off`: notices only); the project's setting wins. */
  readonly uncheckedFiles: SeveritySetting;
  /** Whether other linters' suppression comments naming an equivalent rule suppress ours (default true). */
  readonly otherLinterSuppressions: boolean;
  /** Bounds on the violations a session shard stores; the project's setting wins over the root's, key by key. */
  readonly sessionLimits: Required<SessionLimitsSetting>;
  /** The root config's folder of workspace rules (workspace-relative), if any: their sources are task inputs. */
  readonly rulesDirectory?: string;
  private readonly layers: CompiledLayer[];
  private readonly defaultIgnores = picomatch([...DEFAULT_IGNORES], { dot: true });
  private readonly defaultTestFiles = picomatch([...DEFAULT_TEST_FILES], { dot: true });
  private readonly activeRulesByKey = new Map<string, ActiveRule[]>();
  private readonly listIds = new Map<ActiveRule[], number>();
  private readonly selectedLists = new Map<string, ActiveRule[]>();

  constructor(
    /** Every rule the configuration knows: built-in, workspace rules and patterns. */
    readonly rules: readonly Rule[],
    layers: readonly ConfigLayer[],
  ) {
    this.layers = layers.map(compileLayer);
    this.rulesDirectory = layers.find((layer) => layer.base === '')?.config.rulesDirectory;
    this.maxFileSize = [...layers].reverse().find((layer) => layer.config.maxFileSize !== undefined)?.config.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
    this.uncheckedFiles = [...layers].reverse().find((layer) => layer.config.uncheckedFiles !== undefined)?.config.uncheckedFiles ?? DEFAULT_UNCHECKED_FILES;
    this.otherLinterSuppressions =
      [...layers].reverse().find((layer) => layer.config.otherLinterSuppressions !== undefined)?.config.otherLinterSuppressions ?? true;
    this.sessionLimits = { ...DEFAULT_SESSION_LIMITS, ...Object.assign({}, ...layers.map((layer) => layer.config.session ?? {})) };
    this.hash = hashLayers(rules, layers);
  }

  isIgnored(file: string): boolean {
    if (this.defaultIgnores(file)) return true;
    return this.layers.some((layer) => {
      const relative = relativeToProject(layer.base, file);
      return relative !== undefined && layer.ignores(relative);
    });
  }

  isTestFile(file: string): boolean {
    for (let index = this.layers.length - 1; index >= 0; index--) {
      const layer = this.layers[index];
      const relative = relativeToProject(layer.base, file);
      if (layer.testFiles && relative !== undefined) return layer.testFiles(relative);
    }
    return this.defaultTestFiles(file);
  }

  /**
   * The rules that are on for `file`, with their severity and options. For a non-code file, only
   * the rules that scan it as text (`meta.textFiles`).
   */
  rulesFor(file: string): ActiveRule[] {
    const active = this.activeRulesOf(file);
    const selected = active.filter(({ rule }) => ruleAppliesTo(rule, file));
    // Files with the same rules share one list (callers key caches by list identity).
    const key = `${this.listIdOf(active)}:${selected.map(({ rule }) => rule.id).join(',')}`;
    let shared = this.selectedLists.get(key);
    if (!shared) {
      shared = selected;
      this.selectedLists.set(key, shared);
    }
    return shared;
  }

  /** The project-scoped rules that are on for a project, with the settings that apply at its root. */
  projectRulesFor(projectRoot: string): ActiveRule<ProjectRule>[] {
    // A file path at the root stands for the project: globs like `packages/api/**` match it.
    return this.activeRulesOf(joinProjectPath(projectRoot, '.enforcer-project')).filter((active): active is ActiveRule<ProjectRule> =>
      isProjectRule(active.rule),
    );
  }

  /**
   * Globs of the non-code files some rule may scan under this configuration (a rule that is `off`
   * everywhere contributes nothing). Nx uses them as task inputs.
   */
  textFileGlobs(): string[] {
    const globs = new Set<string>();
    for (const rule of this.rules) {
      if (!isProjectRule(rule) && this.mayBeOn(rule.id)) textGlobsOf(rule.meta).forEach((glob) => globs.add(glob));
    }
    return [...globs].sort();
  }

  /**
   * The workspace files named by rules' file options (`meta.fileOptions`) anywhere in the
   * configuration, for rules that may be on. Nx uses them as task inputs.
   */
  optionFiles(): string[] {
    const files = new Set<string>();
    for (const rule of this.rules) {
      const names = rule.meta.fileOptions ?? [];
      if (names.length === 0 || !this.mayBeOn(rule.id)) continue;
      const settings = this.layers.flatMap((layer) => [layer.rules[rule.id], ...layer.overrides.map((override) => override.rules[rule.id])]);
      const optionSets = [rule.meta.defaultOptions, ...settings.map((setting) => (Array.isArray(setting) ? setting[1] : undefined))];
      for (const options of optionSets) {
        if (options === null || typeof options !== 'object') continue;
        for (const name of names) {
          const value = (options as Record<string, unknown>)[name];
          for (const path of Array.isArray(value) ? value : [value]) if (typeof path === 'string' && path !== '') files.add(path);
        }
      }
    }
    return [...files].sort();
  }

  /** Whether a rule is on for some file: off only when the layers' own settings end at `off` and no override turns it on. */
  mayBeOn(ruleId: string): boolean {
    const rule = this.rules.find((candidate) => candidate.id === ruleId);
    if (!rule) return false;
    let severity = rule.meta.defaultSeverity;
    for (const layer of this.layers) severity = severityOf(layer.rules[rule.id]) ?? severity;
    if (severity !== 'off') return true;
    return this.layers.some((layer) => layer.overrides.some((override) => ![undefined, 'off'].includes(severityOf(override.rules[rule.id]))));
  }

  private listIdOf(list: ActiveRule[]): number {
    let id = this.listIds.get(list);
    if (id === undefined) {
      id = this.listIds.size;
      this.listIds.set(list, id);
    }
    return id;
  }

  private activeRulesOf(file: string): ActiveRule[] {
    const applicable: Array<Record<string, RuleSetting>> = [];
    const keys: string[] = [];
    this.layers.forEach((layer, layerIndex) => {
      const relative = relativeToProject(layer.base, file);
      if (relative === undefined) return;
      applicable.push(layer.rules);
      keys.push(`${layerIndex}`);
      for (const override of layer.overrides) {
        if (override.matches(relative)) {
          applicable.push(override.rules);
          keys.push(`${layerIndex}.${override.index}`);
        }
      }
    });
    const key = keys.join(',');
    let active = this.activeRulesByKey.get(key);
    if (!active) {
      active = this.computeActiveRules(applicable);
      this.activeRulesByKey.set(key, active);
    }
    return active;
  }

  private computeActiveRules(changes: ReadonlyArray<Record<string, RuleSetting>>): ActiveRule[] {
    const settings = new Map<string, EffectiveSetting>(
      this.rules.map((rule) => [rule.id, { severity: rule.meta.defaultSeverity, options: rule.meta.defaultOptions }]),
    );
    for (const change of changes) applySettings(settings, this.rules, change);
    const active: ActiveRule[] = [];
    for (const rule of this.rules) {
      const setting = settings.get(rule.id) as EffectiveSetting;
      if (setting.severity !== 'off') active.push({ rule, severity: setting.severity, options: setting.options });
    }
    return active;
  }
}

function compileLayer(layer: ConfigLayer): CompiledLayer {
  const glob = (patterns: readonly string[] | undefined): Matcher => (patterns && patterns.length > 0 ? picomatch([...patterns], { dot: true }) : () => false);
  return {
    base: layer.base,
    rules: layer.config.rules ?? {},
    ignores: glob(layer.config.ignores),
    testFiles: layer.config.testFiles ? glob(layer.config.testFiles) : undefined,
    overrides: (layer.config.overrides ?? []).map((override, index) => {
      const included = glob(override.files);
      const excluded = glob(override.excludedFiles);
      return { index, rules: override.rules, matches: (path: string) => included(path) && !excluded(path) };
    }),
  };
}

function applySettings(settings: Map<string, EffectiveSetting>, rules: readonly Rule[], changes: Record<string, RuleSetting>): void {
  for (const [ruleId, change] of Object.entries(changes)) {
    const rule = rules.find((candidate) => candidate.id === ruleId);
    const previous = settings.get(ruleId);
    if (!rule || !previous) continue; // unknown ids were rejected when the config was loaded
    if (typeof change === 'string') {
      settings.set(ruleId, { severity: change, options: previous.options });
    } else {
      const [severity, options] = change;
      // Given options are merged over the rule's defaults, not over an earlier layer's options.
      settings.set(ruleId, {
        severity,
        options: options === undefined ? previous.options : { ...(rule.meta.defaultOptions as object), ...options },
      });
    }
  }
}

function hashLayers(rules: readonly Rule[], layers: readonly ConfigLayer[]): string {
  const content = stableStringify({
    enforcer: ENFORCER_VERSION,
    // A workspace rule's file is part of what decides results: a changed rule must change the hash.
    rules: rules.map((rule) => `${rule.id}:${sourceHashOf(rule) ?? ''}`),
    layers: layers.map((layer) => ({ base: layer.base, config: { ...layer.config, $schema: undefined } })),
  });
  return createHash('sha256').update(content).digest('hex');
}

/**
 * Whether a per-file rule checks this file at all: code files when the rule is for TypeScript (its
 * `meta.language`), other files when they are its language's or match its `textFiles`. The
 * engine's rule lists and the rule tester select by it alike.
 */
export function ruleAppliesTo(rule: Rule, file: string): boolean {
  if (isProjectRule(rule)) return false;
  return isCodeFile(file) ? checksCodeFiles(rule.meta) : textFilesMatcher(rule)(file);
}

const textFileMatchers = new WeakMap<Rule, Matcher>();

function textFilesMatcher(rule: FileRule): Matcher {
  let matcher = textFileMatchers.get(rule);
  if (!matcher) {
    const globs = textGlobsOf(rule.meta);
    matcher = globs.length > 0 ? picomatch([...globs], { dot: true }) : () => false;
    textFileMatchers.set(rule, matcher);
  }
  return matcher;
}

function severityOf(setting: RuleSetting | undefined): SeveritySetting | undefined {
  if (setting === undefined) return undefined;
  return typeof setting === 'string' ? setting : setting[0];
}

const defaultIgnored = picomatch([...DEFAULT_IGNORES], { dot: true });

/** Whether a path is under what is never checked (node_modules, build output, the enforcer's own output), whatever the configuration. */
export function isDefaultIgnored(path: string): boolean {
  return defaultIgnored(path);
}

/** Every glob of non-code files any of `rules` can scan, whatever the configuration. */
export function textFileGlobsOf(rules: readonly Rule[]): string[] {
  return [...new Set(rules.flatMap((rule) => (isProjectRule(rule) ? [] : textGlobsOf(rule.meta))))].sort();
}
