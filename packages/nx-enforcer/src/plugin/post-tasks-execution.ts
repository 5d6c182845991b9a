import type { PostTasksExecution } from '@nx/devkit';
import { builtinRules, execPrefixOf, loadConfig, summariseReports, writeFileAtomic, writeWorkspaceSummary, type Rule } from '@nx-enforcer/core';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ENFORCER_OUTPUT_ROOT, outputDirectoryOf } from '../output-directory';
import type { EnforcerPluginOptions } from './create-nodes';
import { fixTargetNameOf } from './enforce-target';

/** Workspace-relative folder of the merged summary. */
export const SUMMARY_DIRECTORY = `${ENFORCER_OUTPUT_ROOT}/summary`;

/** Which task results the summary on disk was built from; equal on the next run means nothing to redo. */
const SUMMARY_KEY_FILE = '.summary-key';

/**
 * After any `nx run-many` / `nx affected` (or single run) of the enforce target, merges the
 * reports of the projects that ran or were restored from cache into `.nx-enforcer/summary/`
 * (STATUS.md, VIOLATIONS.md, workspace.sarif, agent-report.json, and BLOCK.md while blocked).
 * Reports are read one at a time; a missing one is named in STATUS.md, never fatal.
 */
export const postTasksExecution: PostTasksExecution<EnforcerPluginOptions> = async (options, context) => {
  const targetName = options?.targetName ?? 'enforce';
  const results = Object.values(context.taskResults).filter(
    (result) => result.task.target.target === targetName && result.task.projectRoot !== undefined && result.status !== 'skipped',
  );
  const roots = results.map((result) => result.task.projectRoot as string);
  if (roots.length === 0) return;
  const directory = join(context.workspaceRoot, SUMMARY_DIRECTORY);
  // A task's hash fixes its report (outputs are deterministic), so the same tasks with the same
  // hashes, as in a fully cached rerun, give the same summary: it is not rebuilt.
  const key = summaryKeyOf(targetName, results.map((result) => ({ root: result.task.projectRoot as string, hash: result.task.hash })));
  if (key !== undefined && readKey(directory) === `${key} ${statusDigest(directory)}`) return;
  const failed = new Set(results.filter((result) => result.status === 'failure').map((result) => result.task.projectRoot as string));
  const reports = [...new Set(roots)].sort().map((root) => {
    const displayPath = `${outputDirectoryOf(root)}/report.json`;
    // A failed task's report is taken only if it blocks: one that does not was left by an earlier run.
    return { path: join(context.workspaceRoot, displayPath), displayPath, failed: failed.has(root) };
  });
  const { summary, violations } = await summariseReports(reports);
  // Commands in the workspace's package manager's words: pnpm has no `npx` that finds its binaries.
  const exec = execPrefixOf(context.workspaceRoot);
  await writeWorkspaceSummary({
    directory,
    summary,
    violations,
    rules: await workspaceRules(context.workspaceRoot),
    recheckCommand: `${exec} nx affected -t ${targetName}`,
    // The fix target is named after the enforce target, so a renamed one still gets working commands.
    commands: { exec, fixTarget: fixTargetNameOf(targetName) },
  });
  // With the digest of the STATUS.md it produced: a summary written since by anything else is rebuilt.
  if (key !== undefined) await writeFileAtomic(join(directory, SUMMARY_KEY_FILE), `${key} ${statusDigest(directory)}\n`);
};

/** Undefined when some task has no hash (then the summary is always rebuilt). */
function summaryKeyOf(targetName: string, tasks: ReadonlyArray<{ root: string; hash?: string }>): string | undefined {
  if (tasks.some((task) => !task.hash)) return undefined;
  const lines = tasks.map((task) => `${task.root}\0${task.hash}`).sort();
  return createHash('sha256').update([targetName, ...lines].join('\n')).digest('hex');
}

function statusDigest(directory: string): string {
  try {
    return createHash('sha256').update(readFileSync(join(directory, 'STATUS.md'))).digest('hex');
  } catch {
    return 'missing';
  }
}

function readKey(directory: string): string | undefined {
  try {
    return readFileSync(join(directory, SUMMARY_KEY_FILE), 'utf8').trim();
  } catch {
    return undefined;
  }
}

/** The rules SARIF describes and fix commands come from: built-in, workspace rules and root patterns (built-ins if the config is broken). */
async function workspaceRules(workspaceRoot: string): Promise<readonly Rule[]> {
  try {
    return (await loadConfig({ workspaceRoot, rules: builtinRules })).rules;
  } catch {
    return builtinRules;
  }
}
