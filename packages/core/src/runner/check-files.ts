import { realpath } from 'node:fs/promises';
import { join } from 'node:path';
import { filter, from, mergeMap, type Observable } from 'rxjs';
import type { ConfigResolver } from '../config/config-resolver';
import { lintSource } from '../engine/lint-source';
import { isCodeFile } from '../engine/source-kinds';
import type { Notice, Violation } from '../engine/types';
import type { WorkspaceView } from '../engine/workspace-view';
import { readSource } from './read-source';
import type { RunProfiler } from './run-profile';

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
  /** Ids of the rules that applied to the file (none when it could not be read). */
  rules: string[];
  /** Taken from the previous run's session shard instead of analysed again. */
  reused?: boolean;
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
  /** Stored violations of a file whose content and context are unchanged since they were found. */
  reuse?: (file: string, hash: string | undefined) => Violation[] | undefined;
  /** Collects rule timings, file counts and heap use (`--profile`). */
  profiler?: RunProfiler;
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
  const { profiler } = options;
  let realWorkspaceRoot: Promise<string> | undefined;
  const done = (result: FileResult): FileResult => {
    profiler?.fileDone(result.reused === true);
    return result;
  };
  return from(options.files).pipe(
    filter((ref) => isCheckedFile(ref.path, config)),
    mergeMap(async (ref): Promise<FileResult> => {
      const rules = config.rulesFor(ref.path);
      const ruleIds = rules.map((active) => active.rule.id);
      const reused = options.reuse?.(ref.path, ref.hash);
      if (reused) return done({ file: ref.path, hash: ref.hash, violations: reused, notices: [], rules: ruleIds, reused: true });
      realWorkspaceRoot ??= realpath(workspaceRoot);
      const outcome = await readSource(join(workspaceRoot, ref.path), { maxFileSize: config.maxFileSize, realWorkspaceRoot: await realWorkspaceRoot });
      if (!('text' in outcome)) {
        return done({ file: ref.path, hash: ref.hash, violations: [], notices: [{ file: ref.path, code: outcome.skipped, message: `${ref.path} ${outcome.message}` }], rules: [] });
      }
      const result = lintSource({
        file: ref.path,
        text: outcome.text,
        rules,
        isTestFile: config.isTestFile(ref.path),
        reportUnusedSuppressions: options.reportUnusedSuppressions,
        workspace: options.workspace,
        timings: profiler?.timings,
      });
      return done({ file: ref.path, hash: ref.hash, ...result, rules: ruleIds });
    }, options.readConcurrency ?? DEFAULT_READ_CONCURRENCY),
  );
}
