import type { CheckWorkerSetup, QueuedFile } from './check-worker-protocol';
import { checkFiles, filePipelineFor, isCheckedFile, reusedResultOf, type CheckFilesOptions } from './check-files';
import { checkInPool } from './check-pool';
import type { FilePipeline } from './file-pipeline';
import type { FileResult } from './file-result';
import { HeapGuard } from './heap-guard';

export interface ParallelCheckOptions {
  /** Worker threads at most, besides the calling thread. */
  workers: number;
  /**
   * Files to analyse per worker: fewer and no worker is started. A worker costs about 0.5 s of a
   * core to load TypeScript, the rules and the config before it checks anything, and 100 MB.
   */
  minFiles: number;
  /** Where the run's config was loaded from, for the workers to load it again. */
  configFile?: string;
  projectRoot?: string;
}

/**
 * Files to analyse per worker thread started. Measured with the CLI on 2 cores, one worker against
 * none, same output: 1,000 files 2.5 s against 2.0 s, 3,000 files 5.2 s against 5.4 s, 10,000
 * files 8.0 s against 9.5 s. Two threads share the cores with V8's own garbage collection threads,
 * so a second thread gains far less than 2x there; more cores leave more room.
 */
export const DEFAULT_MIN_FILES_PER_WORKER = 2_500;

/**
 * The results of checkFiles, each handed to `take` as it is ready (in no set order), with the files
 * to analyse shared between this thread and worker threads when there are enough of them (see
 * check-pool.ts). The results are the same as checkFiles gives.
 */
export async function checkFilesInParallel(options: CheckFilesOptions & { parallel: ParallelCheckOptions }, take: (result: FileResult) => void): Promise<void> {
  const { config, profiler, parallel } = options;
  const pending: QueuedFile[] = [];
  for (const ref of options.files) {
    if (!isCheckedFile(ref.path, config)) continue;
    const reused = reusedResultOf(ref, options);
    if (reused) {
      profiler?.fileDone(true);
      take(reused);
    } else pending.push({ index: pending.length, ref });
  }
  const workers = Math.min(parallel.workers, Math.floor(pending.length / parallel.minFiles));
  // A workspace view given without its input cannot be rebuilt in a worker.
  if (workers < 1 || (options.workspace && !options.workspace.input)) {
    for (const result of checkFiles({ ...options, files: pending.map((file) => file.ref), reuse: undefined })) take(result);
    return;
  }
  let pipeline: FilePipeline | undefined;
  let inWorkers = 0;
  const heap = options.heapGuard === false ? undefined : new HeapGuard();
  const setup: CheckWorkerSetup = {
    workspaceRoot: options.workspaceRoot,
    configFile: parallel.configFile,
    projectRoot: parallel.projectRoot,
    configHash: config.hash,
    workspace: options.workspace?.input,
    reportUnusedSuppressions: options.reportUnusedSuppressions,
    profile: profiler !== undefined,
  };
  await checkInPool(pending, {
    workers,
    setup,
    canRead: options.canRead,
    checkHere: ({ ref }) => {
      pipeline ??= filePipelineFor(options);
      const result = pipeline.check(ref);
      heap?.fileAnalysed();
      return result;
    },
    take: (result, inWorker) => {
      profiler?.fileDone(false);
      if (inWorker) inWorkers++;
      take(result);
    },
    addTimings: (entries) => entries.forEach(({ ruleId, milliseconds }) => profiler?.timings.add(ruleId, milliseconds)),
  });
  profiler?.workersUsed(workers, inWorkers);
}
