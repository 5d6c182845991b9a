import type { WorkspaceViewInput } from '../engine/workspace-view';
import type { FileResult, SourceFileRef } from './file-result';

/** What a check worker needs to build the same file pipeline as the thread that starts it. */
export interface CheckWorkerSetup {
  workspaceRoot: string;
  /** The config is loaded again in the worker, from the same place; its hash must match. */
  configFile?: string;
  projectRoot?: string;
  configHash: string;
  workspace?: WorkspaceViewInput;
  reportUnusedSuppressions?: boolean;
  /** Measure rule timings (`--profile`). */
  profile: boolean;
}

export interface QueuedFile {
  /** The file's place in the run: results are put back in this order. */
  index: number;
  ref: SourceFileRef;
}

export type ToWorker = { type: 'check'; files: QueuedFile[] } | { type: 'finish' };

export interface WorkerFileResult {
  index: number;
  result: FileResult;
  /** Every read a rule asked for, `[path, ruleId]`: the starting thread applies its read policy to them. */
  reads: Array<[string, string]>;
}

export type FromWorker =
  | { type: 'ready' }
  | { type: 'refused'; reason: string }
  | { type: 'results'; results: WorkerFileResult[] }
  | { type: 'finished'; timings: Array<{ ruleId: string; milliseconds: number }> };
