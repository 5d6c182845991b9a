import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FileResult } from './file-result';
import type { CheckWorkerSetup, FromWorker, QueuedFile, ToWorker, WorkerFileResult } from './check-worker-protocol';

export interface CheckPoolOptions {
  /** Worker threads to start besides the calling thread, which checks files too. */
  workers: number;
  setup: CheckWorkerSetup;
  /** Checks one file in the calling thread. */
  checkHere: (file: QueuedFile) => FileResult;
  /** The calling thread's read policy, applied to every read a worker's rules asked for. */
  canRead?: (path: string, ruleId: string) => boolean;
  /** Takes each file's result once, as it is ready, with whether a worker checked it. */
  take: (result: FileResult, inWorker: boolean) => void;
  /** Rule timings of the workers, when they measured them. */
  addTimings?: (entries: Array<{ ruleId: string; milliseconds: number }>) => void;
}

interface WorkerState {
  ready: boolean;
  chunks: QueuedFile[][];
  finishing: boolean;
  /** Gives its files back to the queue and stops it. */
  retire: () => void;
}

/**
 * Checks the files in worker threads and in the calling thread at once, and hands each result to
 * `take` as it is ready: the same results as checking them one by one here, in another order. The
 * calling thread takes one file at a time from the front of the queue, and each worker, once it has
 * loaded the engine and the config, a few at a time; between its files the calling thread hands out
 * work. A file one of whose reads the read policy refuses is checked again here (with the policy).
 * A worker that fails or refuses gives its files back to the queue: a worker never loses a file.
 */
export async function checkInPool(files: readonly QueuedFile[], options: CheckPoolOptions): Promise<void> {
  const queue = [...files];
  const again: QueuedFile[] = [];
  const script = workerScript();
  // Each running worker: whether it has loaded, the chunks sent to it (oldest first), and how it stops.
  const running = new Map<Worker, WorkerState>();
  let wake: (() => void) | undefined;
  const signal = () => {
    wake?.();
    wake = undefined;
  };

  // This thread only hears from workers between two of its own files: each worker holds a second
  // chunk to go on with meanwhile. Chunks shrink as the queue does (a share of what is left), so
  // the threads run out of work at about the same time.
  const topUp = (worker: Worker, state: WorkerState) => {
    state.ready = true;
    while (state.chunks.length < 2 && queue.length > 0) {
      const chunk = queue.splice(0, Math.max(1, Math.ceil(queue.length / (2 * (options.workers + 1)))));
      state.chunks.push(chunk);
      worker.postMessage({ type: 'check', files: chunk } satisfies ToWorker);
    }
    if (state.chunks.length === 0 && !state.finishing) {
      state.finishing = true;
      worker.postMessage({ type: 'finish' } satisfies ToWorker);
    }
  };
  const accept = ({ result, reads }: WorkerFileResult, file: QueuedFile) => {
    if (options.canRead && reads.some(([path, ruleId]) => !options.canRead?.(path, ruleId))) again.push(file);
    else options.take(result, true);
  };

  for (let started = 0; started < options.workers; started++) {
    const worker = new Worker(script.filename, { workerData: options.setup, ...(script.eval ? { eval: true } : {}) });
    const retire = () => {
      queue.unshift(...state.chunks.flat());
      state.chunks = [];
      if (running.delete(worker)) void worker.terminate();
      signal();
    };
    const state: WorkerState = { ready: false, chunks: [], finishing: false, retire };
    running.set(worker, state);
    worker.on('message', (message: FromWorker) => {
      if (message.type === 'ready') topUp(worker, state);
      else if (message.type === 'results') {
        const sent = new Map((state.chunks.shift() ?? []).map((file) => [file.index, file]));
        for (const fileResult of message.results) accept(fileResult, sent.get(fileResult.index) as QueuedFile);
        topUp(worker, state);
      } else if (message.type === 'finished') {
        options.addTimings?.(message.timings);
        retire();
      } else retire();
    });
    worker.on('error', retire);
    worker.on('exit', retire);
  }

  try {
    for (;;) {
      const file = queue.shift();
      if (file) {
        options.take(options.checkHere(file), false);
        // Let the workers' messages in: results to store, workers waiting for files.
        await new Promise<void>((resolve) => setImmediate(resolve));
        continue;
      }
      // Nothing left to hand out: a worker still loading would only be waited for.
      for (const state of running.values()) if (!state.ready) state.retire();
      if (running.size === 0) break;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    for (const worker of running.keys()) void worker.terminate();
  }
  for (const file of again) options.take(options.checkHere(file), false);
}

/**
 * The worker's entry: the compiled check-worker.js beside this file, or, when this file runs from
 * its TypeScript source (this repository's tests), check-worker.ts compiled on load by swc.
 */
function workerScript(): { filename: string; eval?: boolean } {
  const built = join(__dirname, 'check-worker.js');
  if (existsSync(built)) return { filename: built };
  const register = require.resolve('@swc-node/register');
  return { filename: `require(${JSON.stringify(register)}); require(${JSON.stringify(join(__dirname, 'check-worker.ts'))});`, eval: true };
}
