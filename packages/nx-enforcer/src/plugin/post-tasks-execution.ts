import { readCachedProjectGraph, type PostTasksExecution } from '@nx/devkit';
import { builtinRules, loadConfig, REPORT_FILE, type Rule } from '@nx-enforcer/core';
import {
  ENFORCE_TARGET,
  execPrefixOf,
  findReportFiles,
  fixTargetNameOf,
  formatSummaryLine,
  OUTPUT_FOLDER,
  sourceFilesOutsideProjects,
  STATUS_FILE,
  type OutsideProjects,
  summariseReports,
  writeFileAtomic,
  writeWorkspaceSummary,
} from '@nx-enforcer/core/internal';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { outputDirectoryOf, SUMMARY_DIRECTORY } from '../output-directory';
import type { EnforcerPluginOptions } from './create-nodes';

/** Which task results and reports the summary on disk was built from; equal on the next run means nothing to redo. */
const SUMMARY_KEY_FILE = '.summary-key';

/**
 * After any `nx run-many` / `nx affected` (or single run) of the enforce target, merges into
 * `.nx-enforcer/summary/` (STATUS.md, VIOLATIONS.md, workspace.sarif, agent-report.json, and
 * BLOCK.md while blocked) the reports of the projects that ran or were restored from cache, and
 * the latest report on disk of every other project, marked as not part of this run: an
 * `nx affected` over one project must not turn a workspace that another project blocks green.
 * Reports are read one at a time; a missing one is named in STATUS.md, never fatal.
 */
export const postTasksExecution: PostTasksExecution<EnforcerPluginOptions> = async (options, context) => {
  const targetName = options?.targetName ?? ENFORCE_TARGET;
  const results = Object.values(context.taskResults).filter(
    (result) => result.task.target.target === targetName && result.task.projectRoot !== undefined && result.status !== 'skipped',
  );
  if (results.length === 0) return;
  const directory = join(context.workspaceRoot, SUMMARY_DIRECTORY);
  const failed = new Set(results.filter((result) => result.status === 'failure').map((result) => outputDirectoryOf(result.task.projectRoot as string)));
  const ran = new Set(results.map((result) => outputDirectoryOf(result.task.projectRoot as string)));
  const reports = [
    ...[...ran].map((folder) => {
      const displayPath = `${folder}/${REPORT_FILE}`;
      // A failed task's report is taken only if it blocks: one that does not was left by an earlier run.
      return { path: join(context.workspaceRoot, displayPath), displayPath, failed: failed.has(folder), rechecked: true };
    }),
    ...(await findReportFiles(join(context.workspaceRoot, OUTPUT_FOLDER), context.workspaceRoot))
      .filter((report) => !ran.has(report.displayPath.slice(0, -`/${REPORT_FILE}`.length)))
      .map((report) => ({ ...report, rechecked: false })),
  ].sort((a, b) => (a.displayPath < b.displayPath ? -1 : a.displayPath > b.displayPath ? 1 : 0));
  // The same tasks with the same hashes over the same report files, as in a fully cached rerun,
  // give the same summary: it is not rebuilt. A report replaced or removed since changes the key.
  const key = summaryKeyOf(
    targetName,
    results.map((result) => result.task.hash),
    reports,
  );
  const stored = readKey(directory);
  if (key !== undefined && stored?.key === `${key} ${statusDigest(directory)}`) {
    if (stored.line) announce(stored.line);
    return;
  }
  const { summary, violations } = await summariseReports(reports);
  summary.outsideProjects = await outsideProjectsOf(context.workspaceRoot);
  // Commands in the workspace's package manager's words: pnpm has no `npx` that finds its binaries.
  const exec = execPrefixOf(context.workspaceRoot);
  const status = await writeWorkspaceSummary({
    directory,
    summary,
    violations,
    rules: await workspaceRules(context.workspaceRoot),
    // The fix target is named after the enforce target, so a renamed one still gets working commands.
    commands: { exec, fixTarget: fixTargetNameOf(targetName), enforceTarget: targetName },
  });
  const line = `nx-enforcer: ${formatSummaryLine(summary, status, SUMMARY_DIRECTORY)}`;
  announce(line);
  // With the digest of the STATUS.md it produced: a summary written since by anything else is rebuilt.
  if (key !== undefined) await writeFileAtomic(join(directory, SUMMARY_KEY_FILE), `${key} ${statusDigest(directory)}\n${line}\n`);
};

/**
 * The run's last line: Nx shows a passing task's output only in some output styles, and never where
 * the summary is, so every run says its verdict and the file to read.
 */
function announce(line: string): void {
  process.stdout.write(`\n${line}\n`);
}

/** Source files in no project, from the graph Nx just computed; unknown (not named) when it cannot be read. */
async function outsideProjectsOf(workspaceRoot: string): Promise<OutsideProjects[] | undefined> {
  try {
    const graph = readCachedProjectGraph();
    return await sourceFilesOutsideProjects(
      workspaceRoot,
      Object.values(graph.nodes).map((node) => node.data.root),
    );
  } catch {
    return undefined;
  }
}

/** Undefined when some task has no hash (then the summary is always rebuilt). */
function summaryKeyOf(
  targetName: string,
  hashes: ReadonlyArray<string | undefined>,
  reports: ReadonlyArray<{ path: string; displayPath: string; failed?: boolean; rechecked: boolean }>,
): string | undefined {
  if (hashes.some((hash) => !hash)) return undefined;
  // By content: without the daemon Nx restores every cached output on every run (a new file each
  // time, same bytes). Hashing 200 reports takes tens of milliseconds; rebuilding the summary from
  // them took a second on a workspace of 51,000 files.
  const lines = reports.map((report) => [report.displayPath, report.failed === true, report.rechecked, contentDigest(report.path)].join('\0'));
  return createHash('sha256')
    .update([targetName, ...[...hashes].sort(), ...lines].join('\n'))
    .digest('hex');
}

function contentDigest(path: string): string {
  try {
    return createHash('sha256').update(readFileSync(path)).digest('hex');
  } catch {
    return 'missing';
  }
}

function statusDigest(directory: string): string {
  try {
    return createHash('sha256')
      .update(readFileSync(join(directory, STATUS_FILE)))
      .digest('hex');
  } catch {
    return 'missing';
  }
}

function readKey(directory: string): { key: string; line?: string } | undefined {
  try {
    const [key, line] = readFileSync(join(directory, SUMMARY_KEY_FILE), 'utf8').trim().split('\n');
    return { key, line };
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
