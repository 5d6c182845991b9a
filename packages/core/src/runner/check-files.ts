import { realpathSync } from 'node:fs';
import type { ConfigResolver } from '../config/config-resolver';
import { isCodeFile } from '../engine/source-kinds';
import type { RuleCoverageCounts, Violation } from '../engine/types';
import type { WorkspaceView } from '../engine/workspace-view';
import { SourceReader } from './read-source';
import { WorkspaceFileReader } from './workspace-file-reader';
import { HeapGuard } from './heap-guard';
import type { RunProfiler } from './run-profile';
import { FilePipeline, idsOf } from './file-pipeline';
import type { FileResult, SourceFileRef } from './file-result';

export type { FileResult, SourceFileRef } from './file-result';

export interface CheckFilesOptions {
  /** Absolute path of the workspace root; file paths are relative to it. */
  workspaceRoot: string;
  files: Iterable<SourceFileRef>;
  config: ConfigResolver;
  /** Report `enforcer-disable…` comments that suppress nothing. */
  reportUnusedSuppressions?: boolean;
  /** The workspace's projects, for cross-project rules (architecture/project-boundaries). */
  workspace?: WorkspaceView;
  /** Stored violations of a file whose content and context are unchanged since they were found. */
  reuse?: (
    file: string,
    hash: string | undefined,
  ) => { violations: Violation[]; dependencies?: Record<string, string>; coverage?: RuleCoverageCounts } | undefined;
  /** Serves `context.readFile`; one is created for the run when not given. */
  workspaceFiles?: WorkspaceFileReader;
  /** Which paths a rule may read through `context.readFile` (see `LintSourceInput.canRead`); any when not given. */
  canRead?: (path: string, ruleId: string) => boolean;
  /** Collects rule timings, file counts and heap use (`--profile`). */
  profiler?: RunProfiler;
  /** Collect garbage whenever the heap grows 64 MB (see HeapGuard); on unless false. */
  heapGuard?: boolean;
}

/** True for the files the engine checks: code files, and text files some active rule scans, not ignored by config. */
export function isCheckedFile(file: string, config: ConfigResolver): boolean {
  if (config.isIgnored(file)) return false;
  return isCodeFile(file) || config.rulesFor(file).length > 0;
}

/**
 * One result per checked file, one file at a time: its text is read, checked and dropped (syntax
 * tree included) before the next is read, so memory stays flat however many files there are. A
 * plain loop over the file pipeline; callers sort what they print or store.
 */
export function* checkFiles(options: CheckFilesOptions): Generator<FileResult> {
  const { config, profiler } = options;
  let pipeline: FilePipeline | undefined;
  const heap = options.heapGuard === false ? undefined : new HeapGuard();
  for (const ref of options.files) {
    if (!isCheckedFile(ref.path, config)) continue;
    const reused = reusedResultOf(ref, options);
    if (reused) {
      profiler?.fileDone(true);
      yield reused;
      continue;
    }
    pipeline ??= filePipelineFor(options);
    const result = pipeline.check(ref);
    heap?.fileAnalysed();
    profiler?.fileDone(false);
    yield result;
  }
}

/** The file's stored result, when its content and context are unchanged since it was found. */
export function reusedResultOf(ref: SourceFileRef, options: Pick<CheckFilesOptions, 'reuse' | 'config'>): FileResult | undefined {
  const reused = options.reuse?.(ref.path, ref.hash);
  return reused && { file: ref.path, hash: ref.hash, ...reused, notices: [], rules: idsOf(options.config.rulesFor(ref.path)), reused: true };
}

/** The pipeline a run checks its files with. */
export function filePipelineFor(options: Omit<CheckFilesOptions, 'files'>): FilePipeline {
  return new FilePipeline({
    workspaceRoot: options.workspaceRoot,
    config: options.config,
    workspaceFiles:
      options.workspaceFiles ??
      new WorkspaceFileReader(
        options.workspaceRoot,
        new SourceReader({ maxFileSize: options.config.maxFileSize, realWorkspaceRoot: realPathOf(options.workspaceRoot) }),
      ),
    reportUnusedSuppressions: options.reportUnusedSuppressions,
    workspace: options.workspace,
    canRead: options.canRead,
    timings: options.profiler?.timings,
  });
}

/** The root with symbolic links resolved; a root that cannot be resolved is taken as given (its files then fail to read, each with a notice). */
export function realPathOf(folder: string): string {
  try {
    return realpathSync(folder);
  } catch {
    return folder;
  }
}
