import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, realpathSync } from 'node:fs';
import Module from 'node:module';
import { basename, dirname, extname, isAbsolute, join, posix, relative } from 'node:path';
import { CODE_RULE_CATEGORIES, type RuleCategory } from '../engine/rule-categories';
import type { FileRule, ProjectRule, Rule, RuleMeta } from '../engine/types';
import { transpileToCommonJs } from '../runtime/transpile';
import { ConfigError } from './config-error';

const RULE_EXTENSIONS = new Set(['.ts', '.mts', '.cts', '.js', '.cjs']);

// Compiled rules by path and content hash: Nx asks for the configuration of every project, and a
// rule file that did not change must not be transpiled again. A changed file has a new hash.
const compiled = new Map<string, { hash: string; rule: Rule }>();
const sourceHashes = new WeakMap<Rule, string>();

/** The content hash of a workspace rule's file (undefined for built-in rules, which the version covers). */
export function sourceHashOf(rule: Rule): string | undefined {
  return sourceHashes.get(rule);
}

/**
 * The rule files of a rules folder: TypeScript/JavaScript sources, not specs or declarations.
 *
 * @throws the file system's error when the folder cannot be read
 */
export function ruleFilesIn(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true })
    .filter((entry) => entry.isFile() && RULE_EXTENSIONS.has(extname(entry.name)) && !/\.(spec|test|d)\.[cm]?[jt]s$/.test(entry.name))
    .map((entry) => entry.name)
    .sort();
}

/** Whether `path` (once links are followed) lies outside `root`. A path that does not exist yet is judged as written. */
function isOutside(root: string, path: string): boolean {
  const real = (target: string) => {
    try {
      return realpathSync(target);
    } catch {
      return target;
    }
  };
  const fromRoot = relative(real(root), real(path));
  return fromRoot === '..' || fromRoot.startsWith('../') || fromRoot.startsWith('..\\') || isAbsolute(fromRoot);
}

/**
 * Loads the workspace's own rules from `rulesDirectory` (relative to the workspace root): each
 * file's default export is a rule made with `defineRule`, whose id ends with the file's name.
 * TypeScript files are transpiled in memory; their imports resolve from the workspace.
 */
export function loadCustomRules(options: { workspaceRoot: string; rulesDirectory: string; source: string; builtinIds: readonly string[] }): Rule[] {
  const directory = join(options.workspaceRoot, options.rulesDirectory);
  let files: string[];
  try {
    // Rules are code that decides every result: outside the workspace, Nx could not hash them as
    // task inputs, so a changed rule would replay stale results from the cache.
    if (isOutside(options.workspaceRoot, directory)) {
      throw new ConfigError({
        code: 'config-invalid',
        file: options.source,
        path: 'rulesDirectory',
        problem:
          `the rules folder "${options.rulesDirectory}" is outside the workspace; keep workspace rules in a folder of the ` +
          `workspace, whose files Nx hashes as inputs`,
      });
    }
    files = ruleFilesIn(directory);
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    throw new ConfigError({
      code: 'config-invalid',
      file: options.source,
      path: 'rulesDirectory',
      problem: `cannot read the rules folder "${options.rulesDirectory}" (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
    });
  }
  const rules = files.map((file) => loadRule(join(directory, file), posix.join(options.rulesDirectory, file)));
  const seen = new Set(options.builtinIds);
  for (const [index, rule] of rules.entries()) {
    if (seen.has(rule.id)) throw invalidRule(posix.join(options.rulesDirectory, files[index]), `rule id "${rule.id}" is already taken`);
    seen.add(rule.id);
  }
  return rules;
}

function loadRule(path: string, displayPath: string): Rule {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw invalidRule(displayPath, `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  const hash = createHash('sha256').update(text).digest('hex');
  const cached = compiled.get(path);
  if (cached?.hash === hash) return cached.rule;
  let exported: unknown;
  try {
    exported = compileModule(path, text);
  } catch (error) {
    throw invalidRule(displayPath, `failed to load: ${(error as Error).message}`);
  }
  const rule = (exported as { default?: unknown })?.default ?? exported;
  checkRule(rule, displayPath, basename(path, extname(path)));
  compiled.set(path, { hash, rule });
  sourceHashes.set(rule, hash);
  return rule;
}

function compileModule(path: string, text: string): unknown {
  const javascript = /\.[cm]?ts$/.test(path) ? transpileToCommonJs(path, text) : text;
  const module = new Module(path);
  module.filename = path;
  // Resolve the rule's imports (such as @nx-enforcer/core) from its own folder, like Node would.
  module.paths = (Module as unknown as { _nodeModulePaths(from: string): string[] })._nodeModulePaths(dirname(path));
  (module as unknown as { _compile(code: string, filename: string): void })._compile(javascript, path);
  return module.exports;
}

function checkRule(candidate: unknown, displayPath: string, fileName: string): asserts candidate is Rule {
  const rule = candidate as
    (Omit<Partial<FileRule>, 'meta'> & Partial<Pick<ProjectRule, 'checkProject'>> & { meta?: Partial<RuleMeta<string, unknown>> }) | undefined;
  const problem =
    typeof rule !== 'object' || rule === null || (rule.id === undefined && rule.create === undefined && rule.checkProject === undefined)
      ? 'the default export is not a rule (export default defineRule({...}))'
      : typeof rule.id !== 'string' || !/^[a-z0-9-]+\/[a-z0-9-]+$/.test(rule.id)
        ? 'the rule id must look like "<scope>/<name>" in kebab-case'
        : rule.id.split('/')[1] !== fileName
          ? `the rule id "${rule.id}" must end with the file name "${fileName}"`
          : rule.meta?.scope === 'project' && typeof rule.checkProject !== 'function'
            ? 'a project rule (meta.scope "project") needs a checkProject(context) function'
            : rule.meta?.scope !== 'project' && typeof rule.create !== 'function'
              ? 'the rule has no create(context) function'
              : rule.meta !== undefined && 'codeFiles' in rule.meta
                ? 'meta.codeFiles is gone: say which files the rule checks with meta.language ("typescript", "python" or "text") and meta.textFiles'
                : !rule.meta || typeof rule.meta.messages !== 'object' || typeof rule.meta.schema !== 'object'
                  ? 'the rule meta needs messages and schema'
                  : !CODE_RULE_CATEGORIES.includes(rule.meta.category as RuleCategory)
                    ? `meta.category must be one of ${CODE_RULE_CATEGORIES.join(', ')}`
                    : !['off', 'warn', 'error'].includes(rule.meta.defaultSeverity as string)
                      ? 'meta.defaultSeverity must be "off", "warn" or "error"'
                      : undefined;
  if (problem) throw invalidRule(displayPath, problem);
}

function invalidRule(file: string, problem: string): ConfigError {
  return new ConfigError({ code: 'config-invalid-rule', file, problem });
}
