import { builtinRules, type ConfigResolver } from '@nx-enforcer/core';
import { isCodeFile } from '@nx-enforcer/core/internal';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import picomatch from 'picomatch';

const BUILTIN_RULE_IDS = new Set(builtinRules.map((rule) => rule.id));

/**
 * Which files a rule may read through `context.readFile` in an `enforce` task. Nx replays a task
 * from its cache when its inputs are unchanged, so a rule that reads a file that is not an input
 * would pass on stale content: reads are limited to what the target's inputs cover, or to what Nx
 * tracks at least.
 *
 * - Workspace rules: the project's own files that are inputs (its code, the text files the
 *   configured rules scan) and the files the rule declares in `meta.reads` (workspace-relative
 *   globs, which the plugin adds to the target's inputs).
 * - Built-in rules: any file in Nx's project file map (never a git-ignored one) and the files
 *   the configuration names (their `meta.reads`, the `fileOptions` such as a Prisma schema).
 *
 * A path that does not exist is never refused.
 */
export function readPolicyOf(
  config: Pick<ConfigResolver, 'rules' | 'optionFiles' | 'textFileGlobs' | 'mayBeOn'>,
  fileMap: Record<string, ReadonlyArray<{ file: string }>>,
  projectName: string,
  workspaceRoot: string,
): (path: string, ruleId: string) => boolean {
  let tracked: Set<string> | undefined;
  let own: Set<string> | undefined;
  const optionFiles = new Set(config.optionFiles());
  const declared = new Map(
    config.rules.map((rule) => [rule.id, rule.meta.reads && rule.meta.reads.length > 0 ? picomatch([...rule.meta.reads], { dot: true }) : undefined]),
  );
  const allowed = (path: string, ruleId: string): boolean => {
    if (optionFiles.has(path) || declared.get(ruleId)?.(path)) return true;
    if (BUILTIN_RULE_IDS.has(ruleId)) {
      tracked ??= new Set(Object.values(fileMap).flatMap((files) => files.map((entry) => entry.file)));
      return tracked.has(path);
    }
    own ??= ownInputs(config, fileMap[projectName] ?? []);
    return own.has(path);
  };
  // Rules probe for files that may not exist (a package.json, main.ts up the tree): reading nothing
  // is what they would get anyway, and the missing file is recorded, so refusing it would only be noise.
  return (path, ruleId) => allowed(path, ruleId) || !existsSync(join(workspaceRoot, path));
}

/** The project's files that are inputs of its target: code, scanned text files (all of them when a project rule may be on). */
function ownInputs(config: Pick<ConfigResolver, 'rules' | 'textFileGlobs' | 'mayBeOn'>, files: ReadonlyArray<{ file: string }>): Set<string> {
  const everyFile = config.rules.some((rule) => rule.meta.scope === 'project' && config.mayBeOn(rule.id));
  const globs = config.textFileGlobs();
  const scanned = globs.length > 0 ? picomatch(globs, { dot: true }) : () => false;
  return new Set(files.map((entry) => entry.file).filter((file) => everyFile || isCodeFile(file) || scanned(file)));
}
