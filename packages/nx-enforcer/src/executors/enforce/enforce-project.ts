import type { ExecutorContext } from '@nx/devkit';
import { isConfigError, normaliseRunOptions, OptionError, TARGET_OPTION_NAMES, type OutputTarget, type RunOptions } from '@nx-enforcer/core';
import { ProjectOutputFolder, tooManyWarningsMessage } from '@nx-enforcer/core/internal';
import { join } from 'node:path';
import { outputDirectoryOf } from '../../output-directory';
import { fixProject } from './fix-project';
import { readPolicyOf } from './read-policy';
import { projectFilesOf, projectInfoOf, type RunContext, type TaskOutput } from './run-context';
import type { EnforceExecutorOptions } from './schema';

/**
 * Runs one project through the service: files from Nx's project file map (with Nx's content
 * hashes), results into the project's output folder, the report to `output`. Files whose Nx hash is
 * unchanged since the shard on disk was written are not analysed again. The task fails on a new
 * `error`, or on more new warnings than `maxWarnings`.
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
  const folder = new ProjectOutputFolder(join(context.root, outputDirectoryOf(project.root)), projectName);
  let options: RunOptions;
  let targets: OutputTarget[];
  try {
    options = normaliseRunOptions({ ...rawOptions, watch: false }, TARGET_OPTION_NAMES);
    // A fix run edits sources and writes nothing into the cached output folder.
    if (options.fix) return await fixProject(options, { context, run, output, color });
    targets = folder.resolveTargets(options.outputs);
  } catch (error) {
    if (!(error instanceof OptionError)) throw error;
    output.error(`nx-enforcer: ${error.message}`);
    return { success: false };
  }

  await folder.prepare(run.keepReportWhileChecking === true);
  const previous = await folder.previousShard();
  if (previous.warning) output.warn(`nx-enforcer: ${previous.warning}`);
  let outcome;
  try {
    outcome = await run.enforcer.check({ project, files: projectFilesOf(run, projectName) }, options, {
      previousShard: previous.shard,
      readPolicy: (config) => readPolicyOf(config, run.fileMap, projectName, context.root),
    });
  } catch (error) {
    await folder.forgetReport();
    // A broken config or baseline is the user's to fix: one clear line, no stack.
    if (!isConfigError(error)) throw error;
    output.error(`nx-enforcer: ${error.message}`);
    return { success: false };
  }
  const written = await folder.write(outcome, targets, { color, label: projectName });
  for (const text of written.terminal) output.print(text);
  if (written.profile) output.diagnostics(written.profile);
  if (outcome.verdict.tooManyWarnings) output.error(`nx-enforcer: ${tooManyWarningsMessage(outcome.verdict, `maxWarnings (${options.maxWarnings})`)}`);
  return { success: outcome.verdict.success };
}
