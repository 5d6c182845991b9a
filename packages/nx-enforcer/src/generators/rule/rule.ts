import { formatFiles, generateFiles, readJson, writeJson, type Tree } from '@nx/devkit';
import { CONFIG_FILE_NAME } from '@nx-enforcer/core';
import { execPrefixOf } from '@nx-enforcer/core/internal';
import { join } from 'node:path';
import { writeConfigIfMissing } from '../enforcer-config-file';
import type { RuleGeneratorSchema } from './schema';

export const DEFAULT_RULES_DIRECTORY = 'tools/enforcer-rules';

interface NormalizedOptions {
  name: string;
  ruleId: string;
  directory: string;
  category: NonNullable<RuleGeneratorSchema['category']>;
}

/**
 * Scaffolds a workspace rule and its spec into the rules folder, and registers it: the root config
 * gets `rulesDirectory` (if it had none) and turns the rule on at `warn`.
 */
export async function ruleGenerator(tree: Tree, options: RuleGeneratorSchema): Promise<void> {
  writeConfigIfMissing(tree, '.');
  const normalized = normalizeOptions(tree, options);
  writeRuleFiles(tree, normalized);
  registerRule(tree, normalized);
  if (!options.skipFormat) await formatFiles(tree);
}

export default ruleGenerator;

function normalizeOptions(tree: Tree, options: RuleGeneratorSchema): NormalizedOptions {
  const config = readJson<{ rulesDirectory?: string }>(tree, CONFIG_FILE_NAME);
  const directory = (options.directory ?? config.rulesDirectory ?? DEFAULT_RULES_DIRECTORY).replace(/\/+$/, '');
  if (config.rulesDirectory !== undefined && config.rulesDirectory !== directory) {
    throw new Error(`${CONFIG_FILE_NAME} already loads rules from "${config.rulesDirectory}"; create the rule there (omit --directory).`);
  }
  return { name: options.name, ruleId: `${options.scope ?? 'local'}/${options.name}`, directory, category: options.category ?? 'errors' };
}

function writeRuleFiles(tree: Tree, options: NormalizedOptions): void {
  const rulePath = join(options.directory, `${options.name}.ts`);
  if (tree.exists(rulePath)) throw new Error(`${rulePath} already exists.`);
  // The comments name the command to run the spec in the workspace's package manager's words.
  generateFiles(tree, join(__dirname, 'files'), options.directory, { ...options, exec: execPrefixOf(tree.root), template: '' });
}

function registerRule(tree: Tree, options: NormalizedOptions): void {
  const config = readJson<{ rulesDirectory?: string; rules?: Record<string, unknown> }>(tree, CONFIG_FILE_NAME);
  writeJson(tree, CONFIG_FILE_NAME, {
    ...config,
    rulesDirectory: options.directory,
    rules: { ...config.rules, [options.ruleId]: config.rules?.[options.ruleId] ?? 'warn' },
  });
}
