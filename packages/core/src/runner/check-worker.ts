import { parentPort, workerData } from 'node:worker_threads';
import { loadConfig } from '../config/load-config';
import { createWorkspaceView } from '../engine/workspace-view';
import { builtinRules } from '../rules';
import type { CheckWorkerSetup, FromWorker, ToWorker } from './check-worker-protocol';
import { filePipelineFor } from './check-files';
import { HeapGuard } from './heap-guard';
import { RunProfiler } from './run-profile';

/**
 * A worker thread of a parallel check (see check-pool.ts): it builds the same file pipeline as the
 * thread that started it and checks the files it is sent, one at a time, each result sent back
 * with the reads its rules asked for. Reads are allowed here and judged by the starting thread,
 * whose read policy (Nx's task inputs) is a function that cannot be sent.
 */
async function serve(setup: CheckWorkerSetup, port: NonNullable<typeof parentPort>): Promise<void> {
  const send = (message: FromWorker) => port.postMessage(message);
  const config = await loadConfig({ workspaceRoot: setup.workspaceRoot, configFile: setup.configFile, projectRoot: setup.projectRoot, rules: builtinRules });
  if (config.hash !== setup.configHash) {
    // The config changed on disk since the run started: this worker's results would not match.
    send({ type: 'refused', reason: 'the config changed since the run started' });
    return;
  }
  const profiler = setup.profile ? new RunProfiler() : undefined;
  let reads: Array<[string, string]> = [];
  const pipeline = filePipelineFor({
    workspaceRoot: setup.workspaceRoot,
    config,
    reportUnusedSuppressions: setup.reportUnusedSuppressions,
    workspace: setup.workspace ? createWorkspaceView(setup.workspace) : undefined,
    canRead: (path, ruleId) => {
      reads.push([path, ruleId]);
      return true;
    },
    profiler,
  });
  const heap = new HeapGuard();
  port.on('message', (message: ToWorker) => {
    if (message.type === 'finish') {
      send({ type: 'finished', timings: profiler?.timings.entries() ?? [] });
      return;
    }
    const results = message.files.map(({ index, ref }) => {
      reads = [];
      const result = pipeline.check(ref);
      heap.fileAnalysed();
      return { index, result, reads };
    });
    send({ type: 'results', results });
  });
  send({ type: 'ready' });
}

if (parentPort) {
  const port = parentPort;
  serve(workerData as CheckWorkerSetup, port).catch((error: unknown) =>
    port.postMessage({ type: 'refused', reason: error instanceof Error ? error.message : String(error) } satisfies FromWorker),
  );
}
