import type { ExecutorContext } from '@nx/devkit';
import { builtinRules, fixFiles, formatFixSummary, formatReport, isBlocking, isConfigError, loadConfig, parseOutputTargets, type FixKind, type OutputTarget } from '@nx-enforcer/core';
import { fixTargetNameOf } from '../../plugin/enforce-target';
import type { RunContext, TaskOutput } from './enforce-project';
import { baselineFileOf, projectFilesOf, projectInfoOf } from './project-inputs';
import type { EnforceExecutorOptions } from './schema';

/** What a fix run of one project needs besides its options. */
export interface FixProjectContext {
  context: ExecutorContext;
  run: RunContext;
  output: TaskOutput;
  color: boolean;
}

/**
 * `fix: true`: applies the rules' fixes (of `fixType`) to the project's files from Nx's file map,
 * then prints what was fixed and the problems that remain. It writes nothing into the project's
 * output folder: that folder is the cached `enforce` target's output, and the edited sources change
 * that target's hash anyway, so its next run analyses them afresh. A fix run served from the cache
 * would edit nothing while reporting success, so it runs only on a target with `cache: false`.
 */
export async function fixProject(options: EnforceExecutorOptions, { context, run, output, color }: FixProjectContext): Promise<{ success: boolean }> {
  const projectName = context.projectName as string;
  const problem = optionProblem(options, context, projectName);
  if (problem) {
    output.error(`nx-enforcer: ${problem}`);
    return { success: false };
  }
  let terminal: OutputTarget | undefined;
  try {
    terminal = terminalFormatOf(options.format);
  } catch (error) {
    output.error(`nx-enforcer: format: ${(error as Error).message}`);
    return { success: false };
  }

  const fixType: FixKind = options.fixType ?? 'safe';
  const projectRoot = context.projectsConfigurations.projects[projectName].root;
  let fixed;
  let rules;
  try {
    const config = await loadConfig({ workspaceRoot: context.root, projectRoot, rules: builtinRules });
    rules = config.rules;
    fixed = await fixFiles({
      workspaceRoot: context.root,
      files: projectFilesOf(run, projectName),
      config,
      fixType,
      project: projectName,
      projectInfo: projectInfoOf(context, projectName),
      reportUnusedSuppressions: options.reportUnusedSuppressions === true,
      workspace: run.workspace,
      baselineFile: baselineFileOf(projectRoot),
    });
  } catch (error) {
    if (!isConfigError(error)) throw error;
    output.error(`nx-enforcer: ${error.message}`);
    return { success: false };
  }

  const { report } = fixed;
  // The fix summary stays off stdout when stdout carries a machine-readable report.
  const summaryToStdout = terminal === undefined || terminal.format === 'stylish';
  const summary = formatFixSummary(fixed.files, { fixType, color: color && summaryToStdout });
  if (summaryToStdout) output.print(summary);
  else output.diagnostics(summary);
  if (terminal) output.print(formatReport(report, terminal.format, { color, rules }));

  const maxWarnings = options.maxWarnings ?? -1;
  const tooManyWarnings = maxWarnings >= 0 && report.summary.newWarnings > maxWarnings;
  if (tooManyWarnings) output.error(`nx-enforcer: ${report.summary.newWarnings} new warnings exceed maxWarnings (${maxWarnings})`);
  return { success: !isBlocking(report) && !tooManyWarnings };
}

/** Why these options cannot run a fix, if they cannot. */
function optionProblem(options: EnforceExecutorOptions, context: ExecutorContext, projectName: string): string | undefined {
  const targetName = context.targetName ?? 'enforce';
  const target = context.projectsConfigurations.projects[projectName].targets?.[targetName];
  if (target?.cache !== false) {
    const fixTarget = targetName.endsWith('-fix') ? undefined : fixTargetNameOf(targetName);
    return (
      `fix rewrites source files, so it never runs on a cached target, and "${projectName}:${targetName}" has caching on. ` +
      (fixTarget ? `Run the uncached "${fixTarget}" target instead: nx run ${projectName}:${fixTarget} (or nx affected -t ${fixTarget}).` : `Set "cache": false on the "${targetName}" target.`)
    );
  }
  if (options.fixType !== undefined && options.fixType !== 'safe' && options.fixType !== 'suggestion') return `fixType takes safe or suggestion, not "${String(options.fixType)}"`;
  if (options.updateBaseline === true) return 'fix cannot be combined with updateBaseline: fix first, then record the baseline with the enforce target';
  if (options.profile === true) return 'profile is not available with fix';
  return undefined;
}

/** The format printed to the terminal, if any; a fix run writes no report files (it has no cached output folder). */
function terminalFormatOf(format: EnforceExecutorOptions['format']): OutputTarget | undefined {
  const texts = format === undefined ? ['stylish'] : Array.isArray(format) ? format : format.split(',');
  const targets = parseOutputTargets(texts.map((text) => text.trim()));
  const toFile = targets.find((target) => target.file !== undefined);
  if (toFile) throw new Error(`${toFile.format}:${toFile.file}: a fix run writes no report files (it has no cached output folder); print one format to the terminal`);
  return targets[0];
}
