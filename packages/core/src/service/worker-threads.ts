import { availableParallelism } from 'node:os';

/** The variable that sets the worker threads a run may start (0: none), overriding the cores. */
export const WORKERS_VARIABLE = 'ENFORCER_WORKERS';

/**
 * Worker threads a check may start besides its own: enough that the check runs on half its share
 * of the cores when `runsAtOnce` checks run side by side (Nx's tasks, each a process). Half, as
 * ESLint's `--concurrency=auto`: the cores counted are logical ones (two per physical core on most
 * machines), each worker holds its own TypeScript and heap (about 110 MB), and V8's garbage
 * collector needs room on the other cores. On 2 cores that is no worker: measured there, one
 * worker gained 1.2x on 10,000 files through the CLI and nothing inside an Nx task, for 110-130 MB
 * more. ENFORCER_WORKERS, a whole number, sets it instead. A check starts them only when it has
 * enough files to analyse to pay for them.
 */
export function workerThreadsFor(runsAtOnce = 1, environment: NodeJS.ProcessEnv = process.env, cores = availableParallelism()): number {
  const set = environment[WORKERS_VARIABLE];
  if (set !== undefined && /^\d+$/.test(set.trim())) return Number(set.trim());
  const share = Math.floor(cores / Math.max(1, runsAtOnce));
  return Math.max(0, Math.floor(share / 2) - 1);
}
