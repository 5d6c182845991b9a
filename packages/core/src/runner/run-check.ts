import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { stableStringify } from '../json/stable-stringify';
import { Baseline } from '../session/baseline';
import { buildSessionShard, reusableViolations, type SessionShard, type ShardKey } from '../session/session-shard';
import { ENFORCER_VERSION } from '../version';
import type { Violation } from '../engine/types';
import { checkFiles, realPathOf, type CheckFilesOptions, type FileResult, type SourceFileRef } from './check-files';
import { checkProject, type ProjectCheckResult, type ProjectInfo } from './check-project';
import { checkFilesInParallel, type ParallelCheckOptions } from './parallel-check';
import { SourceReader } from './read-source';
import { WorkspaceFileReader } from './workspace-file-reader';
import { RunProfiler, type RunProfile } from './run-profile';
import { buildRunReport, countingRuleIds, type RunReport } from './run-report';

export interface RunCheckOptions extends Omit<CheckFilesOptions, 'reuse' | 'profiler'> {
  project?: string;
  /** The baseline of accepted historical violations (workspace-relative); without one every violation is new. */
  baselineFile?: string;
  /** Write the baseline from this run's violations (fixed entries drop out), instead of comparing against it. */
  updateBaseline?: boolean;
  /** The project's shard from its previous run: unchanged files take their violations from it. */
  previousShard?: SessionShard;
  /** Measure rule timings, memory and reuse; the result carries a `profile`. */
  profile?: boolean;
  /** The project the files belong to: its project-scoped rules run once over the file list. */
  projectInfo?: ProjectInfo;
  /** Share the files to analyse with worker threads, when there are enough of them. */
  parallel?: ParallelCheckOptions;
}

export interface RunCheckResult {
  report: RunReport;
  /** Per-file results (violations and notices only; no syntax trees). */
  results: FileResult[];
  /** This run's session shard (for a run of a project). */
  shard?: SessionShard;
  profile?: RunProfile;
}

/** Checks the files and builds the run's report (and, for a project, its session shard). */
export async function runCheck(options: RunCheckOptions): Promise<RunCheckResult> {
  const baselinePath = options.baselineFile === undefined ? undefined : join(options.workspaceRoot, options.baselineFile);
  // Read before checking: a malformed baseline stops the run before any work is done.
  const previous = baselinePath && !options.updateBaseline ? await Baseline.read(baselinePath, options.baselineFile as string) : undefined;
  const key = shardKeyOf(options);
  const profiler = options.profile ? new RunProfiler() : undefined;
  const workspaceFiles = new WorkspaceFileReader(options.workspaceRoot, new SourceReader({ maxFileSize: options.config.maxFileSize, realWorkspaceRoot: realPathOf(options.workspaceRoot) }));
  const storedResult = key && options.previousShard ? reusableViolations(options.previousShard, key, (path) => workspaceFiles.digest(path)) : undefined;
  // Project rules run again every time (they only look at paths), so their stored findings are not reused.
  const projectRuleIds = new Set(options.config.rules.filter((rule) => rule.meta.scope === 'project').map((rule) => rule.id));
  const reuse = storedResult && ((file: string, hash: string | undefined) => withoutRules(storedResult(file, hash), projectRuleIds));
  const paths: string[] = [];
  const files = options.projectInfo ? recordPaths(options.files, paths) : options.files;
  const checkOptions = { ...options, files, reuse, profiler, workspaceFiles };
  const results = options.parallel && options.parallel.workers > 0 ? await checkFilesInParallel({ ...checkOptions, parallel: options.parallel }) : [...checkFiles(checkOptions)];
  if (options.projectInfo) mergeProjectFindings(results, checkProject(options.projectInfo, paths, options.config));
  let baseline = previous;
  if (baselinePath && options.updateBaseline) {
    baseline = Baseline.fromViolations(results.flatMap((result) => result.violations));
    await baseline.write(baselinePath);
  }
  const report = buildRunReport(results, { project: options.project, enforcerVersion: ENFORCER_VERSION, configHash: options.config.hash, baseline, countingRules: countingRuleIds(options.config.rules) });
  return {
    report,
    results,
    ...(key ? { shard: buildSessionShard(results, key, options.config.sessionLimits) } : {}),
    ...(profiler ? { profile: profiler.finish() } : {}),
  };
}

function* recordPaths(files: Iterable<SourceFileRef>, paths: string[]): Iterable<SourceFileRef> {
  for (const ref of files) {
    paths.push(ref.path);
    yield ref;
  }
}

function withoutRules<T extends { violations: Violation[] }>(stored: T | undefined, ruleIds: ReadonlySet<string>): T | undefined {
  if (!stored || ruleIds.size === 0) return stored;
  const violations = stored.violations.filter((violation) => !ruleIds.has(violation.ruleId));
  return violations.length === stored.violations.length ? stored : { ...stored, violations };
}

/** Adds each project finding to its file's result, or to a result of its own (the project root, or a file nothing else checks). */
export function mergeProjectFindings(results: FileResult[], found: ProjectCheckResult): void {
  if (found.violations.length === 0 && found.notices.length === 0) return;
  const byFile = new Map(results.map((result) => [result.file, result]));
  const resultOf = (file: string): FileResult => {
    let result = byFile.get(file);
    if (!result) {
      result = { file, violations: [], notices: [], rules: [] };
      byFile.set(file, result);
      results.push(result);
    }
    return result;
  };
  for (const violation of found.violations) resultOf(violation.file).violations.push(violation);
  for (const notice of found.notices) resultOf(notice.file).notices.push(notice);
}

/**
 * Everything besides a file's content that decides its result. The workspace view matters only to
 * cross-project rules, but a rule cannot declare that, so any change of it counts.
 */
function shardKeyOf(options: RunCheckOptions): ShardKey | undefined {
  if (options.project === undefined) return undefined;
  const context = {
    reportUnusedSuppressions: options.reportUnusedSuppressions === true,
    workspace: options.workspace?.digest ?? null,
    // What rules that read dependencies may read (WorkspaceView.mayRead).
    dependencies: options.workspace?.dependenciesOf(options.project) ?? null,
  };
  return {
    project: options.project,
    enforcerVersion: ENFORCER_VERSION,
    configHash: options.config.hash,
    contextHash: createHash('sha256').update(stableStringify(context, 0)).digest('hex').slice(0, 20),
  };
}
