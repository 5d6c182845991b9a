import './compile-cache';
import type { ExecutorContext, TaskGraph } from '@nx/devkit';
import { performance } from 'node:perf_hooks';
import { enforceProject } from './enforce-project';
import { createRunContext, type RunContext, type TaskOutput } from './run-context';
import type { EnforceExecutorOptions } from './schema';

/** One task's result as a batch executor streams it (Nx's `BatchTaskResult`, not exported by @nx/devkit). */
export interface BatchTaskResult {
  task: string;
  result: { success: boolean; status: 'success' | 'failure' | 'skipped'; terminalOutput: string; startTime?: number; endTime?: number };
}

/**
 * Projects analysed at once. Parsing runs on one thread, so more than two only adds memory; two let
 * one project's reads and writes overlap the other's parsing.
 */
export const PROJECTS_IN_FLIGHT = 2;

/**
 * `nx run-many -t enforce --batch`: every project of the run in this one process, so TypeScript,
 * the rules and the project file map are loaded once instead of once per project. A result is
 * yielded for each task as soon as it finishes; a task that cannot be started is `skipped`.
 */
export default async function* enforceBatch(
  taskGraph: TaskGraph,
  inputs: Record<string, EnforceExecutorOptions>,
  _overrides: EnforceExecutorOptions,
  context: ExecutorContext,
): AsyncIterableIterator<BatchTaskResult> {
  const tasks = Object.values(taskGraph.tasks);
  let run: RunContext;
  try {
    run = await createRunContext(context, 1);
  } catch (error) {
    // Without the file map no project can be checked: say so on every task instead of failing blindly.
    for (const task of tasks)
      yield { task: task.id, result: { success: false, status: 'skipped', terminalOutput: `nx-enforcer: ${(error as Error).message}\n` } };
    return;
  }
  // Nx's run duration spans the tasks' own times: the first tasks waited for this process to start
  // and read the file map, so their time starts with the process (else a multi-second run read 38 ms).
  const processStart = Math.round(performance.timeOrigin);
  let started = 0;
  yield* inFlight(tasks, PROJECTS_IN_FLIGHT, async (task): Promise<BatchTaskResult> => {
    const output = new BufferedOutput();
    const startTime = started++ < PROJECTS_IN_FLIGHT ? processStart : Date.now();
    let success = false;
    try {
      ({ success } = await enforceProject(
        inputs[task.id] ?? {},
        { ...context, projectName: task.target.project, targetName: task.target.target },
        run,
        output,
        false,
      ));
    } catch (error) {
      // One project's unexpected failure is that task's, never the batch's.
      output.error(`nx-enforcer: ${(error as Error).stack ?? String(error)}`);
    }
    return { task: task.id, result: { success, status: success ? 'success' : 'failure', terminalOutput: output.text(), startTime, endTime: Date.now() } };
  });
}

/** Runs `work` on the items with at most `limit` at once, yielding results in completion order. */
async function* inFlight<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): AsyncIterableIterator<R> {
  const running = new Map<number, Promise<{ index: number; result: R }>>();
  let next = 0;
  const start = () => {
    const index = next++;
    running.set(
      index,
      work(items[index]).then((result) => ({ index, result })),
    );
  };
  while (next < items.length && running.size < limit) start();
  while (running.size > 0) {
    const { index, result } = await Promise.race(running.values());
    running.delete(index);
    if (next < items.length) start();
    yield result;
  }
}

/** A task's terminal output, kept apart from the other tasks of the batch. */
class BufferedOutput implements TaskOutput {
  private readonly chunks: string[] = [];

  print(text: string): void {
    this.chunks.push(text);
  }

  diagnostics(text: string): void {
    this.chunks.push(text);
  }

  error(message: string): void {
    this.chunks.push(`${message}\n`);
  }

  warn(message: string): void {
    this.chunks.push(`${message}\n`);
  }

  text(): string {
    return this.chunks.join('');
  }
}
