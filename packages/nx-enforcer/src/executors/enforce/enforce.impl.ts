import { logger, type ExecutorContext } from '@nx/devkit';
import { createRunContext, enforceProject, type TaskOutput } from './enforce-project';
import type { EnforceExecutorOptions } from './schema';

export { REPORT_FILE, SARIF_FILE } from './enforce-project';

const terminal: TaskOutput = {
  print: (text) => process.stdout.write(text),
  diagnostics: (text) => process.stderr.write(text),
  error: (message) => logger.error(message),
  warn: (message) => logger.warn(message),
};

/** `nx run <project>:enforce`: one project per process (see enforce.batch.ts for `--batch`). */
export default async function enforceExecutor(options: EnforceExecutorOptions, context: ExecutorContext): Promise<{ success: boolean }> {
  if (!context.projectName) throw new Error('nx-enforcer:enforce must run for a project');
  const color = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
  return enforceProject(options, context, await createRunContext(context), terminal, color);
}
