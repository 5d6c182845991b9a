import { join } from 'node:path';
import { filter, from, map, mergeMap, type Observable } from 'rxjs';
import type { ConfigResolver } from '../config/config-resolver';
import { lintSource } from '../engine/lint-source';
import { isCodeFile } from '../engine/source-kinds';
import type { Notice, Violation } from '../engine/types';
import type { WorkspaceView } from '../engine/workspace-view';
import { readSource } from './read-source';

/** A file to check: a posix path relative to the workspace root, with its content hash if known. */
export interface SourceFileRef {
  path: string;
  hash?: string;
}

export interface FileResult {
  file: string;
  hash?: string;
  violations: Violation[];
  notices: Notice[];
}

export interface CheckFilesOptions {
  /** Absolute path of the workspace root; file paths are relative to it. */
  workspaceRoot: string;
  files: Iterable<SourceFileRef>;
  config: ConfigResolver;
  /** Files read ahead of analysis. Reads overlap; parsing runs one file at a time. */
  readConcurrency?: number;
  /** Report `enforcer-disable…` comments that suppress nothing. */
  reportUnusedSuppressions?: boolean;
  /** The workspace's projects, for cross-project rules (architecture/project-boundaries). */
  workspace?: WorkspaceView;
}

const DEFAULT_READ_CONCURRENCY = 8;

/** True for the files the engine checks: code files, and text files some active rule scans, not ignored by config. */
export function isCheckedFile(file: string, config: ConfigResolver): boolean {
  if (config.isIgnored(file)) return false;
  return isCodeFile(file) || config.rulesFor(file).length > 0;
}

/**
 * Streams one result per checked file. At most `readConcurrency` file contents are held at once and
 * each syntax tree is dropped before the next file is parsed, so memory stays flat however many
 * files there are. Results arrive in completion order; callers sort what they print or store.
 */
export function checkFiles(options: CheckFilesOptions): Observable<FileResult> {
  const { config, workspaceRoot } = options;
  return from(options.files).pipe(
    filter((ref) => isCheckedFile(ref.path, config)),
    mergeMap(async (ref) => ({ ref, outcome: await readSource(join(workspaceRoot, ref.path), config.maxFileSize) }), options.readConcurrency ?? DEFAULT_READ_CONCURRENCY),
    map(({ ref, outcome }): FileResult => {
      if (!('text' in outcome)) {
        return { file: ref.path, hash: ref.hash, violations: [], notices: [{ file: ref.path, code: outcome.skipped, message: `${ref.path} ${outcome.message}` }] };
      }
      const result = lintSource({
        file: ref.path,
        text: outcome.text,
        rules: config.rulesFor(ref.path),
        isTestFile: config.isTestFile(ref.path),
        reportUnusedSuppressions: options.reportUnusedSuppressions,
        workspace: options.workspace,
      });
      return { file: ref.path, hash: ref.hash, ...result };
    }),
  );
}
