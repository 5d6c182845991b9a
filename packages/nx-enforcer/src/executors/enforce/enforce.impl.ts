import { createProjectFileMapUsingProjectGraph, logger, readJsonFile, type ExecutorContext } from '@nx/devkit';
import { existsSync } from 'node:fs';
import {
  BASELINE_FILE,
  buildSessionShard,
  builtinRules,
  createWorkspaceView,
  ENFORCER_VERSION,
  formatJson,
  formatReport,
  formatSarif,
  isBlocking,
  isConfigError,
  loadConfig,
  runCheck,
  SessionShardStore,
  writeFileAtomic,
  type SourceFileRef,
  type WorkspaceView,
} from '@nx-enforcer/core';
import { join } from 'node:path';
import { outputDirectoryOf } from '../../output-directory';
import type { EnforceExecutorOptions } from './schema';

export const REPORT_FILE = 'report.json';
export const SARIF_FILE = 'report.sarif';

/**
 * Runs the engine over one project: files from Nx's project file map (with Nx's content hashes),
 * `report.json`, `report.sarif` and the session shard into the project's output folder, a readable summary to the
 * terminal. Violations listed in the project's `enforcer.baseline.json` are historical: reported,
 * never failing. The task fails on a new `error`, or on more new warnings than `maxWarnings`.
 */
export default async function enforceExecutor(options: EnforceExecutorOptions, context: ExecutorContext): Promise<{ success: boolean }> {
  const projectName = context.projectName;
  if (!projectName) throw new Error('nx-enforcer:enforce must run for a project');
  const projectRoot = context.projectsConfigurations.projects[projectName].root;
  const workspaceRoot = context.root;

  let checked;
  try {
    const config = await loadConfig({ workspaceRoot, projectRoot, rules: builtinRules });
    checked = {
      config,
      ...(await runCheck({
        workspaceRoot,
        files: await projectFiles(context, projectName),
        config,
        project: projectName,
        reportUnusedSuppressions: options.reportUnusedSuppressions === true,
        workspace: workspaceViewOf(context),
        baselineFile: projectRoot === '.' || projectRoot === '' ? BASELINE_FILE : `${projectRoot}/${BASELINE_FILE}`,
        updateBaseline: options.updateBaseline === true,
      })),
    };
  } catch (error) {
    // A broken config or baseline is the user's to fix: one clear line, no stack.
    if (!isConfigError(error)) throw error;
    logger.error(`nx-enforcer: ${error.message}`);
    return { success: false };
  }
  const { config, report, results } = checked;

  const outputDirectory = join(workspaceRoot, outputDirectoryOf(projectRoot));
  await writeFileAtomic(join(outputDirectory, REPORT_FILE), formatJson(report));
  await writeFileAtomic(join(outputDirectory, SARIF_FILE), formatSarif(report, config.rules));
  const shard = buildSessionShard(results, { project: projectName, enforcerVersion: ENFORCER_VERSION, configHash: config.hash });
  await new SessionShardStore(outputDirectory, projectName).write(shard);

  const format = options.format ?? 'stylish';
  process.stdout.write(formatReport(report, format, { color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR, rules: config.rules }));

  const maxWarnings = options.maxWarnings ?? -1;
  const tooManyWarnings = maxWarnings >= 0 && report.summary.newWarnings > maxWarnings;
  if (tooManyWarnings) logger.error(`nx-enforcer: ${report.summary.newWarnings} new warnings exceed maxWarnings (${maxWarnings})`);
  return { success: !isBlocking(report) && !tooManyWarnings };
}

/** The project's own files, as Nx sees them (gitignored files and nested projects excluded). */
async function projectFiles(context: ExecutorContext, projectName: string): Promise<SourceFileRef[]> {
  const fileMap = await createProjectFileMapUsingProjectGraph(context.projectGraph);
  return (fileMap[projectName] ?? []).map((file) => ({ path: file.file, hash: file.hash }));
}

/** The projects (tags, package names) and path aliases that cross-project rules resolve imports with. */
function workspaceViewOf(context: ExecutorContext): WorkspaceView {
  const projects = Object.values(context.projectGraph.nodes).map((node) => {
    const js = (node.data.metadata as { js?: { packageName?: string; packageExports?: unknown } } | undefined)?.js;
    return { name: node.name, root: node.data.root, tags: node.data.tags ?? [], packageName: js?.packageName, packageExports: js?.packageExports };
  });
  return createWorkspaceView({ projects, pathAliases: readPathAliases(context.root) });
}

function readPathAliases(workspaceRoot: string): Record<string, string[]> {
  for (const name of ['tsconfig.base.json', 'tsconfig.json']) {
    const path = join(workspaceRoot, name);
    if (!existsSync(path)) continue;
    try {
      const paths = (readJsonFile(path) as { compilerOptions?: { paths?: Record<string, string[]> } }).compilerOptions?.paths ?? {};
      return Object.fromEntries(Object.entries(paths).map(([alias, targets]) => [alias, targets.map((target) => target.replace(/^\.\//, ''))]));
    } catch {
      // An unreadable tsconfig only means no aliases; imports by package name still resolve.
      return {};
    }
  }
  return {};
}
