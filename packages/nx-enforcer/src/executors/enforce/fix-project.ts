import type { ExecutorContext } from '@nx/devkit';
import { formatReport, isConfigError, OptionError, type RunOptions } from '@nx-enforcer/core';
import { afterFixLine, ENFORCE_TARGET, enforceTargetOfFix, execPrefixOf, fixTargetNameOf, formatFixSummary, isFixTargetName } from '@nx-enforcer/core/internal';
import { projectFilesOf, projectInfoOf, type RunContext, type TaskOutput } from './run-context';

/** What a fix run of one project needs besides its options. */
export interface FixProjectContext {
  context: ExecutorContext;
  run: RunContext;
  output: TaskOutput;
  color: boolean;
}

/**
 * `fix: true`: applies the rules' fixes (of `fixType`) to the project's files from Nx's file map,
 * then prints what was fixed, the problems that remain and whether they still block. It succeeds
 * when it applied what it could: its exit code does not depend on what remains. It writes nothing into the project's
 * output folder: that folder is the cached `enforce` target's output, and the edited sources change
 * that target's hash anyway, so its next run analyses them afresh. A fix run served from the cache
 * would edit nothing while reporting success, so it runs only on a target with `cache: false`.
 *
 * @throws OptionError when these options cannot run a fix
 */
export async function fixProject(options: RunOptions, { context, run, output, color }: FixProjectContext): Promise<{ success: boolean }> {
  const projectName = context.projectName as string;
  assertUncached(context, projectName);
  // A fix run writes no report files (it has no cached output folder).
  const toFile = options.outputs.find((target) => target.file !== undefined);
  if (toFile)
    throw new OptionError(
      `format: ${toFile.format}:${toFile.file}: a fix run writes no report files (it has no cached output folder); print one format to the terminal`,
    );
  const terminal = options.outputs[0];

  let fixed;
  try {
    fixed = await run.enforcer.fix({ project: projectInfoOf(context, projectName), files: projectFilesOf(run, projectName) }, options);
  } catch (error) {
    if (!isConfigError(error)) throw error;
    output.error(`nx-enforcer: ${error.message}`);
    return { success: false };
  }

  const { report, verdict, config } = fixed;
  // The fix summary stays off stdout when stdout carries a machine-readable report.
  const summaryToStdout = terminal === undefined || terminal.format === 'stylish';
  const summary = formatFixSummary(fixed.files, { fixType: options.fixType, color: color && summaryToStdout });
  if (summaryToStdout) output.print(summary);
  else output.diagnostics(summary);
  if (terminal) output.print(formatReport(report, terminal.format, { color, rules: config.rules }));
  const recheck = `${execPrefixOf(context.root)} nx run ${projectName}:${enforceTargetOfFix(context.targetName ?? fixTargetNameOf(ENFORCE_TARGET))}`;
  const line = `nx-enforcer: ${afterFixLine(verdict, recheck)}\n`;
  if (summaryToStdout) output.print(line);
  else output.diagnostics(line);
  return { success: true };
}

/** A fix never runs on a cached target: a cache hit would edit nothing while reporting success. */
function assertUncached(context: ExecutorContext, projectName: string): void {
  const targetName = context.targetName ?? ENFORCE_TARGET;
  const target = context.projectsConfigurations.projects[projectName].targets?.[targetName];
  if (target?.cache === false) return;
  const fixTarget = isFixTargetName(targetName) ? undefined : fixTargetNameOf(targetName);
  throw new OptionError(
    `fix rewrites source files, so it never runs on a cached target, and "${projectName}:${targetName}" has caching on. ` +
      (fixTarget
        ? `Run the uncached "${fixTarget}" target instead: nx run ${projectName}:${fixTarget} (or nx affected -t ${fixTarget}).`
        : `Set "cache": false on the "${targetName}" target.`),
  );
}
