import './compile-cache';
import { logger, type ExecutorContext } from '@nx/devkit';
import { enforceProject } from './enforce-project';
import { createRunContext, type TaskOutput } from './run-context';
import { watchProject } from './watch-project';
import type { EnforceExecutorOptions } from './schema';

export { REPORT_FILE, SARIF_FILE } from '@nx-enforcer/core';

const terminal: TaskOutput = {
  print: (text) => process.stdout.write(text),
  diagnostics: (text) => process.stderr.write(text),
  error: (message) => logger.error(message),
  warn: (message) => logger.warn(message),
};

/**
 * `nx run <project>:enforce`: one project per process (see enforce.batch.ts for `--batch`). With
 * `watch`, a stream of results, one per check, until stopped.
 */
export default function enforceExecutor(
  options: EnforceExecutorOptions,
  context: ExecutorContext,
): Promise<{ success: boolean }> | AsyncGenerator<{ success: boolean }> {
  const color = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
  return options.watch ? watchUntilStopped(options, context, color) : enforceOnce(options, context, color);
}

async function enforceOnce(options: EnforceExecutorOptions, context: ExecutorContext, color: boolean): Promise<{ success: boolean }> {
  if (!context.projectName) throw new Error('nx-enforcer:enforce must run for a project');
  return enforceProject(options, context, await createRunContext(context), terminal, color);
}

async function* watchUntilStopped(options: EnforceExecutorOptions, context: ExecutorContext, color: boolean): AsyncGenerator<{ success: boolean }> {
  if (!context.projectName) throw new Error('nx-enforcer:enforce must run for a project');
  if (options.fix) {
    terminal.error('nx-enforcer: watch and fix do not go together: fix once with the enforce-fix target, then watch.');
    yield { success: false };
    return;
  }
  yield* watchProject(options, context, await createRunContext(context), terminal, color);
}
