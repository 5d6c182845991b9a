import { realpathSync } from 'node:fs';
import { join } from 'node:path';
import { filter, from, map, type Observable } from 'rxjs';
import type { ConfigResolver } from '../config/config-resolver';
import { lintSource } from '../engine/lint-source';
import { maskSecrets } from '../engine/secret-mask';
import { isCodeFile } from '../engine/source-kinds';
import type { ActiveRule, Notice, RuleCoverageCounts, Violation } from '../engine/types';
import type { WorkspaceView } from '../engine/workspace-view';
import { SourceReader } from './read-source';
import { WorkspaceFileReader } from './workspace-file-reader';
import { HeapGuard } from './heap-guard';
import type { RunProfiler } from './run-profile';
import { rulesForText } from './generated-files';
import { VendoredFolders } from './vendored-folders';
import { uncheckedFileViolations } from './unchecked-files';

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
  /** Other files rules read to check this one, with digests of their content (see `context.readFile`). */
  dependencies?: Record<string, string>;
  /** What rules examined and could not verify in the file (see `meta.coverage`). */
  coverage?: RuleCoverageCounts;
}

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
  reuse?: (file: string, hash: string | undefined) => { violations: Violation[]; dependencies?: Record<string, string>; coverage?: RuleCoverageCounts } | undefined;
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
 * Streams one result per checked file, one file at a time: its text is read, checked and dropped
 * (syntax tree included) before the next is read, so memory stays flat however many files there
 * are. Callers sort what they print or store.
 */
export function checkFiles(options: CheckFilesOptions): Observable<FileResult> {
  const { config, workspaceRoot } = options;
  const { profiler } = options;
  let reader: SourceReader | undefined;
  let workspaceFiles: WorkspaceFileReader | undefined;
  let vendored: VendoredFolders | undefined;
  const heap = options.heapGuard === false ? undefined : new HeapGuard();
  const done = (result: FileResult): FileResult => {
    profiler?.fileDone(result.reused === true);
    return result;
  };
  return from(options.files).pipe(
    filter((ref) => isCheckedFile(ref.path, config)),
    map((ref): FileResult => {
      const rules = config.rulesFor(ref.path);
      const ruleIds = idsOf(rules);
      const reused = options.reuse?.(ref.path, ref.hash);
      if (reused) return done({ file: ref.path, hash: ref.hash, ...reused, notices: [], rules: ruleIds, reused: true });
      workspaceFiles ??= options.workspaceFiles ?? new WorkspaceFileReader(workspaceRoot, new SourceReader({ maxFileSize: config.maxFileSize, realWorkspaceRoot: realPathOf(workspaceRoot) }));
      reader ??= workspaceFiles.reader;
      const outcome = reader.read(join(workspaceRoot, ref.path));
      if (!('text' in outcome)) {
        const notices: Notice[] = [{ file: ref.path, code: outcome.skipped, message: maskSecrets(`${ref.path} ${outcome.message}`) }];
        return done({ file: ref.path, hash: ref.hash, violations: uncheckedFileViolations(notices, config.uncheckedFiles), notices, rules: [] });
      }
      vendored ??= new VendoredFolders(workspaceRoot);
      const license = vendored.licenseOf(ref.path);
      const applied = rulesForText(ref.path, outcome.text, rules, license);
      const result = lintSource({
        file: ref.path,
        text: outcome.text,
        rules: applied.rules,
        isTestFile: config.isTestFile(ref.path),
        reportUnusedSuppressions: options.reportUnusedSuppressions,
        otherLinterSuppressions: config.otherLinterSuppressions,
        workspace: options.workspace,
        timings: profiler?.timings,
        readFile: (path) => workspaceFiles?.read(path),
        canRead: options.canRead,
      });
      heap?.fileAnalysed();
      if (applied.notice) result.notices = [...result.notices, applied.notice];
      const unchecked = uncheckedFileViolations(result.notices, config.uncheckedFiles);
      if (unchecked.length > 0) result.violations = [...result.violations, ...unchecked];
      // Removing the licence makes the folder the team's again: the stored result must not outlive it.
      if (license !== undefined) result.dependencies = { ...result.dependencies, [license]: workspaceFiles.digest(license) };
      // Only the rules that ran count the file as checked.
      return done({ file: ref.path, hash: ref.hash, ...result, rules: applied.notice ? idsOf(applied.rules) : ruleIds });
    }),
  );
}

/** The root with symbolic links resolved; a root that cannot be resolved is taken as given (its files then fail to read, each with a notice). */
export function realPathOf(folder: string): string {
  try {
    return realpathSync(folder);
  } catch {
    return folder;
  }
}

/** One shared id list per rule list (files with the same configuration share one), not one per file. */
const ruleIdLists = new WeakMap<readonly ActiveRule[], string[]>();
function idsOf(rules: readonly ActiveRule[]): string[] {
  let ids = ruleIdLists.get(rules);
  if (!ids) {
    ids = rules.map((active) => active.rule.id);
    ruleIdLists.set(rules, ids);
  }
  return ids;
}
