import { watch } from 'node:fs';
import { join, sep } from 'node:path';
import type { Observable, SchedulerLike } from 'rxjs';
import { projectPathPrefix } from '../engine/workspace-paths';
import { rxjs } from './lazy-rxjs';

/** How long the files must stay quiet before a burst of changes is checked (an editor's save, a `git checkout`). */
export const DEFAULT_WATCH_DEBOUNCE_MS = 300;

/**
 * Turns a stream of changed paths into batches, one per burst: a batch is emitted once no change
 * has come for `quietMs`, with each path once, sorted. A save that touches a file three times, or a
 * checkout that touches hundreds, is checked once.
 */
export function coalesceBursts(paths: Observable<string>, quietMs: number, scheduler: SchedulerLike = rxjs().asyncScheduler): Observable<string[]> {
  const { buffer, debounceTime, filter, map, Observable, share } = rxjs();
  return new Observable<string[]>((subscriber) => {
    const shared = paths.pipe(share());
    const batches = shared.pipe(
      buffer(shared.pipe(debounceTime(quietMs, scheduler))),
      map((batch) => [...new Set(batch)].sort()),
      filter((batch) => batch.length > 0),
    );
    return batches.subscribe(subscriber);
  });
}

export interface WatchPathsOptions {
  /** Absolute path of the workspace root; emitted paths are relative to it, posix. */
  workspaceRoot: string;
  /** Workspace-relative folders to watch, recursively (`.` for the whole workspace). */
  folders: readonly string[];
  /** Paths never worth a batch: build output, the enforcer's own output, node_modules. */
  ignore: (path: string) => boolean;
}

/** Changed files below the folders, as workspace-relative posix paths; unsubscribing closes the watchers. */
export function watchPaths(options: WatchPathsOptions): Observable<string> {
  const { Observable } = rxjs();
  return new Observable<string>((subscriber) => {
    const watchers = options.folders.map((folder) => {
      const prefix = projectPathPrefix(folder);
      const watcher = watch(join(options.workspaceRoot, folder), { recursive: true }, (_event, name) => {
        if (!name) return;
        const path = `${prefix}${name.split(sep).join('/')}`;
        if (!options.ignore(path)) subscriber.next(path);
      });
      watcher.on('error', (error) => subscriber.error(error));
      return watcher;
    });
    return () => watchers.forEach((watcher) => watcher.close());
  });
}
