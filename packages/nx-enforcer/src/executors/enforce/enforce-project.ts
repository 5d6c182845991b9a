import type { ExecutorContext } from '@nx/devkit';
import { rm } from 'node:fs/promises';
import {
  formatJson,
  formatReport,
  formatProfile,
  formatSarif,
  isConfigError,
  normaliseRunOptions,
  OptionError,
  tooManyWarningsMessage,
  removeStaleTempFiles,
  SESSION_SHARD_FILE,
  TARGET_OPTION_NAMES,
  SessionShardStore,
  writeFileAtomic,
  type OutputTarget,
  type RunOptions,
  type SessionShard,
} from '@nx-enforcer/core';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { outputDirectoryOf } from '../../output-directory';
import { fixProject } from './fix-project';
import { readPolicyOf } from './read-policy';
import { projectFilesOf, projectInfoOf, type RunContext, type TaskOutput } from './run-context';
import type { EnforceExecutorOptions } from './schema';


export const REPORT_FILE = 'report.json';
export const SARIF_FILE = 'report.sarif';

/**
 * Runs the engine over one project: files from Nx's project file map (with Nx's content hashes),
 * `report.json`, `report.sarif` and the session shard into the project's output folder, a readable
 * summary to `output`. Files whose Nx hash is unchanged since the shard on disk was written are not
 * analysed again. Violations listed in the project's `enforcer.baseline.json` are historical:
 * reported, never failing. The task fails on a new `error`, or on more new warnings than `maxWarnings`.
 */
export async function enforceProject(
  rawOptions: EnforceExecutorOptions,
  context: ExecutorContext,
  run: RunContext,
  output: TaskOutput,
  color: boolean,
): Promise<{ success: boolean }> {
  const projectName = context.projectName;
  if (!projectName) throw new Error('nx-enforcer:enforce must run for a project');
  const project = projectInfoOf(context, projectName);
  const outputDirectory = join(context.root, outputDirectoryOf(project.root));
  let options: RunOptions;
  let outputs: OutputTarget[];
  try {
    options = normaliseRunOptions({ ...rawOptions, watch: false }, TARGET_OPTION_NAMES);
    // A fix run edits sources and writes nothing into the cached output folder.
    if (options.fix) return await fixProject(options, { context, run, output, color });
    outputs = inOutputFolder(options.outputs, outputDirectory);
  } catch (error) {
    if (!(error instanceof OptionError)) throw error;
    output.error(`nx-enforcer: ${error.message}`);
    return { success: false };
  }

  // A writer killed mid-write leaves temp files; they must not become part of the cached output.
  await removeStaleTempFiles(outputDirectory);
  // A task that fails before writing (a config error, a crash) must leave no report of an earlier
  // run to be read as its result: without one, the summary names the project as not checked.
  const forgetReport = () => Promise.all([REPORT_FILE, SARIF_FILE].map((file) => rm(join(outputDirectory, file), { force: true })));
  if (!run.keepReportWhileChecking) await forgetReport();
  const store = new SessionShardStore(outputDirectory, projectName);
  const previousShard = await readPreviousShard(store, output);

  let checked;
  try {
    checked = await run.enforcer.check({ project, files: projectFilesOf(run, projectName) }, options, {
      previousShard,
      readPolicy: (config) => readPolicyOf(config, run.fileMap, projectName, context.root),
    });
  } catch (error) {
    await forgetReport();
    // A broken config or baseline is the user's to fix: one clear line, no stack.
    if (!isConfigError(error)) throw error;
    output.error(`nx-enforcer: ${error.message}`);
    return { success: false };
  }
  const { config, report, shard, profile, verdict } = checked;

  // The profile is machine data: it goes into report.json only when asked for (and then that run's
  // cache entry is its own, since options are part of the task hash).
  await writeFileAtomic(join(outputDirectory, REPORT_FILE), formatJson(profile ? { ...report, profile } : report));
  await writeFileAtomic(join(outputDirectory, SARIF_FILE), formatSarif(report, config.rules));
  if (shard) await store.write(shard);

  for (const target of outputs) {
    const text = formatReport(report, target.format, { color: color && target.file === undefined, rules: config.rules });
    if (target.file === undefined) output.print(text);
    else await writeFileAtomic(target.file, text);
  }
  if (profile) output.diagnostics(formatProfile(profile, projectName, { entries: report.coverage ?? [], rules: config.rules }));
  if (verdict.tooManyWarnings) output.error(`nx-enforcer: ${tooManyWarningsMessage(verdict, `maxWarnings (${options.maxWarnings})`)}`);
  return { success: verdict.success };
}

/**
 * `format` entries: `name` prints to the terminal, `name:file` writes inside the project's output
 * folder, the only place Nx caches and restores with the task.
 */
function inOutputFolder(targets: readonly OutputTarget[], outputDirectory: string): OutputTarget[] {
  return targets.map((target) => {
    if (target.file === undefined) return target;
    const file = resolve(outputDirectory, target.file);
    const inside = relative(outputDirectory, file);
    if (inside === '' || inside.startsWith('..') || isAbsolute(inside) || [REPORT_FILE, SARIF_FILE, SESSION_SHARD_FILE].includes(inside)) {
      throw new OptionError(`format: ${target.file} must be a new file inside the task's output folder (relative to it), so Nx caches it with the task`);
    }
    return { ...target, file };
  });
}

/** The previous run's shard, for reuse; an untrustworthy one is set aside with one warning line, and rebuilt. */
async function readPreviousShard(store: SessionShardStore, output: TaskOutput): Promise<SessionShard | undefined> {
  const previous = await store.read();
  if ('corrupt' in previous) {
    output.warn(`nx-enforcer: ${relative(process.cwd(), store.path) || store.path} was ${previous.corrupt}; set aside as ${SESSION_SHARD_FILE}.corrupt, all files are checked again`);
    return undefined;
  }
  return 'shard' in previous ? previous.shard : undefined;
}
