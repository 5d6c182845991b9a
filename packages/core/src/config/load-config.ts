import { readFile } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { createPatternRule } from '../engine/pattern-rule';
import type { Rule } from '../engine/types';
import { normalizeRoot } from '../engine/workspace-paths';
import { ConfigError } from './config-error';
import { ConfigResolver } from './config-resolver';
import { CONFIG_FILE_NAME } from './defaults';
import { loadCustomRules } from './load-custom-rules';
import type { ConfigLayer, EnforcerConfigFile } from './types';
import { parseConfig } from './validate-config';

export interface LoadConfigOptions {
  /** Absolute path of the workspace root. */
  workspaceRoot: string;
  /** The project's root relative to the workspace (posix); its own config refines the root one. */
  projectRoot?: string;
  /** Workspace-relative path of a config file to use instead of the root `enforcer.config.json`. */
  configFile?: string;
  rules: readonly Rule[];
}

/**
 * Loads the root config and, for a project, the project's own config. A missing file means the
 * built-in defaults; a broken one is a ConfigError.
 */
export async function loadConfig(options: LoadConfigOptions): Promise<ConfigResolver> {
  const layers: ConfigLayer[] = [];
  // Each layer's patterns become rules that later layers may configure.
  let rules = options.rules;
  const addLayer = (layer: ConfigLayer | undefined) => {
    if (!layer) return;
    layers.push(layer);
    rules = withPatternRules(rules, layer);
  };
  const rootSource = options.configFile ?? CONFIG_FILE_NAME;
  const withCustomRules = (config: EnforcerConfigFile) => {
    if (config.rulesDirectory === undefined) return options.rules;
    const builtinIds = options.rules.map((rule) => rule.id);
    rules = [
      ...options.rules,
      ...loadCustomRules({ workspaceRoot: options.workspaceRoot, rulesDirectory: config.rulesDirectory, source: rootSource, builtinIds }),
    ];
    return rules;
  };
  addLayer(await readLayer(options.workspaceRoot, rootSource, '', withCustomRules, options.configFile !== undefined));
  const projectRoot = normalizeRoot(options.projectRoot);
  if (projectRoot !== '') {
    const source = posix.join(projectRoot, CONFIG_FILE_NAME);
    const projectRules = (config: EnforcerConfigFile) => {
      if (config.rulesDirectory !== undefined) {
        throw new ConfigError({
          code: 'config-invalid',
          file: source,
          path: 'rulesDirectory',
          problem: 'the rules folder is set in the root enforcer.config.json only',
        });
      }
      return rules;
    };
    addLayer(await readLayer(options.workspaceRoot, source, projectRoot, projectRules, false));
  }
  return new ConfigResolver(rules, layers);
}

/** `rules` plus the layer's patterns as rules; a pattern replaces an earlier one with its id. */
function withPatternRules(rules: readonly Rule[], layer: ConfigLayer): readonly Rule[] {
  const patterns = (layer.config.patterns ?? []).map((pattern) => createPatternRule(pattern, layer.base));
  if (patterns.length === 0) return rules;
  const ids = new Set(patterns.map((rule) => rule.id));
  return [...rules.filter((rule) => !ids.has(rule.id)), ...patterns];
}

async function readLayer(
  workspaceRoot: string,
  source: string,
  base: string,
  rules: readonly Rule[] | ((config: EnforcerConfigFile) => readonly Rule[]),
  required: boolean,
): Promise<ConfigLayer | undefined> {
  let text: string;
  try {
    text = await readFile(join(workspaceRoot, source), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && !required) return undefined;
    throw new ConfigError({
      code: 'config-unreadable',
      file: source,
      problem: code === 'ENOENT' ? 'file not found' : `cannot read the file (${code ?? String(error)})`,
    });
  }
  return { base, source, config: parseConfig(text, source, rules) };
}
