import type { PostTasksExecution } from '@nx/devkit';
import { builtinRules, loadConfig, summariseReports, writeWorkspaceSummary, type Rule } from '@nx-enforcer/core';
import { join } from 'node:path';
import { ENFORCER_OUTPUT_ROOT, outputDirectoryOf } from '../output-directory';
import type { EnforcerPluginOptions } from './create-nodes';

/** Workspace-relative folder of the merged summary. */
export const SUMMARY_DIRECTORY = `${ENFORCER_OUTPUT_ROOT}/summary`;

/**
 * After any `nx run-many` / `nx affected` (or single run) of the enforce target, merges the
 * reports of the projects that ran or were restored from cache into `.nx-enforcer/summary/`.
 * Reports are read one at a time; a missing one is named in STATUS.md, never fatal.
 */
export const postTasksExecution: PostTasksExecution<EnforcerPluginOptions> = async (options, context) => {
  const targetName = options?.targetName ?? 'enforce';
  const roots = Object.values(context.taskResults)
    .filter((result) => result.task.target.target === targetName && result.task.projectRoot !== undefined && result.status !== 'skipped')
    .map((result) => result.task.projectRoot as string);
  if (roots.length === 0) return;
  const reports = [...new Set(roots)].sort().map((root) => {
    const displayPath = `${outputDirectoryOf(root)}/report.json`;
    return { path: join(context.workspaceRoot, displayPath), displayPath };
  });
  const { summary, violations } = await summariseReports(reports);
  await writeWorkspaceSummary({
    directory: join(context.workspaceRoot, SUMMARY_DIRECTORY),
    summary,
    violations,
    rules: await workspaceRules(context.workspaceRoot),
    recheckCommand: `npx nx affected -t ${targetName}`,
  });
};

/** The rules SARIF describes: built-in, workspace rules and root patterns (built-ins if the config is broken). */
async function workspaceRules(workspaceRoot: string): Promise<readonly Rule[]> {
  try {
    return (await loadConfig({ workspaceRoot, rules: builtinRules })).rules;
  } catch {
    return builtinRules;
  }
}
