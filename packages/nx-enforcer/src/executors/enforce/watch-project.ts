import type { ExecutorContext } from '@nx/devkit';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { coalesceBursts, DEFAULT_WATCH_DEBOUNCE_MS, isDefaultIgnored, rootFolder, watchPaths, WorkspaceIgnores } from '@nx-enforcer/core/internal';
import type { Observable } from 'rxjs';
import { enforceProject } from './enforce-project';
import type { RunContext, TaskOutput } from './run-context';
import type { EnforceExecutorOptions } from './schema';

/**
 * `--watch`: checks the project, then again after each burst of changes below its root, yielding
 * one result per check (Nx's continuous tasks take an async iterable). A changed file is given to
 * the run without a hash, so it is analysed again while every untouched file is reused from the
 * shard; new files join the list and deleted ones leave it. Every output is written atomically, so
 * stopping the watch (Ctrl-C) at any moment leaves the last complete shard and report.
 */
export async function* watchProject(
  options: EnforceExecutorOptions,
  context: ExecutorContext,
  run: RunContext,
  output: TaskOutput,
  color: boolean,
): AsyncGenerator<{ success: boolean }> {
  const projectName = context.projectName as string;
  const root = context.projectsConfigurations.projects[projectName].root;
  const files = new Map((run.fileMap[projectName] ?? []).map((file) => [file.file, file.hash as string | undefined]));
  const checkOnce = (again: boolean) =>
    enforceProject(
      options,
      context,
      { ...run, fileMap: { ...run.fileMap, [projectName]: [...files].sort().map(([file, hash]) => ({ file, hash })) }, keepReportWhileChecking: again },
      output,
      color,
    );

  yield await checkOnce(false);
  // New files join as Nx's file map would take them: not when .gitignore or .nxignore leave them out.
  const ignores = new WorkspaceIgnores(context.root);
  const changes = coalesceBursts(
    watchPaths({ workspaceRoot: context.root, folders: [rootFolder(root)], ignore: (path) => isDefaultIgnored(path) || ignores.excludes(path) }),
    options.watchDebounce ?? DEFAULT_WATCH_DEBOUNCE_MS,
  );
  for await (const batch of eachValue(changes)) {
    for (const path of batch) {
      if (isFile(join(context.root, path))) files.set(path, undefined);
      else files.delete(path);
    }
    output.print(
      `\nnx-enforcer: ${batch.length} file${batch.length === 1 ? '' : 's'} changed (${batch.slice(0, 3).join(', ')}${batch.length > 3 ? ', …' : ''})` +
        `; checking again\n`,
    );
    yield await checkOnce(true);
  }
}

/** An observable as an async iterable: values queue while the consumer is busy, none is lost. */
async function* eachValue<T>(source: Observable<T>): AsyncGenerator<T> {
  const queue: T[] = [];
  let wake: (() => void) | undefined;
  let failure: { error: unknown } | undefined;
  let done = false;
  const subscription = source.subscribe({
    next: (value) => {
      queue.push(value);
      wake?.();
    },
    error: (error) => {
      failure = { error };
      wake?.();
    },
    complete: () => {
      done = true;
      wake?.();
    },
  });
  try {
    for (;;) {
      if (queue.length > 0) {
        yield queue.shift() as T;
        continue;
      }
      if (failure) throw failure.error;
      if (done) return;
      await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
    }
  } finally {
    subscription.unsubscribe();
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
