import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { stableStringify } from '../json/stable-stringify';
import { Baseline } from '../session/baseline';
import { reusableViolations, SessionShardBuilder, type SessionShard, type ShardKey } from '../session/session-shard';
import { ENFORCER_VERSION } from '../version';
import type { Violation } from '../engine/types';
import { checkFiles, realPathOf, type CheckFilesOptions, type FileResult } from './check-files';
import { checkProject, ProjectFindings, type ProjectInfo } from './check-project';
import { checkFilesInParallel, type ParallelCheckOptions } from './parallel-check';
import { SourceReader } from './read-source';
import { WorkspaceFileReader } from './workspace-file-reader';
import { RunProfiler, type RunProfile } from './run-profile';
import { countingRuleIds, RunReportBuilder, type RunReport } from './run-report';
import { SharedValues } from './shared-values';

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
  /** Sees each file's result, in no particular order, before the run lets go of it (watch keeps them). */
  onResult?: (result: FileResult) => void;
}

export interface RunCheckResult {
  report: RunReport;
  /** This run's session shard (for a run of a project). */
  shard?: SessionShard;
  profile?: RunProfile;
}

/**
 * Checks the files and builds the run's report (and, for a project, its session shard). Each
 * file's result goes into the report and the shard as it is produced and is then dropped
 * (`onResult` sees it first): a run keeps what those two hold, not every file's result.
 */
export async function runCheck(options: RunCheckOptions): Promise<RunCheckResult> {
  const baselinePath = options.baselineFile === undefined ? undefined : join(options.workspaceRoot, options.baselineFile);
  // Read before checking: a malformed baseline stops the run before any work is done.
  const previous = baselinePath && !options.updateBaseline ? await Baseline.read(baselinePath, options.baselineFile as string) : undefined;
  const key = shardKeyOf(options);
  const profiler = options.profile ? new RunProfiler() : undefined;
  const workspaceFiles = new WorkspaceFileReader(
    options.workspaceRoot,
    new SourceReader({ maxFileSize: options.config.maxFileSize, realWorkspaceRoot: realPathOf(options.workspaceRoot) }),
  );
  const storedResult = key && options.previousShard ? reusableViolations(options.previousShard, key, (path) => workspaceFiles.digest(path)) : undefined;
  // Project rules run again every time (they only look at paths), so their stored findings are not reused.
  const projectRuleIds = new Set(options.config.rules.filter((rule) => rule.meta.scope === 'project').map((rule) => rule.id));
  const reuse = storedResult && ((file: string, hash: string | undefined) => withoutRules(storedResult(file, hash), projectRuleIds));

  const files = options.projectInfo ? [...options.files] : options.files;
  // Project rules look at paths only, so they run first and their findings join the files' results as those go by.
  const findings = options.projectInfo
    ? new ProjectFindings(
        checkProject(
          options.projectInfo,
          Array.from(files, (ref) => ref.path),
          options.config.projectRulesFor(options.projectInfo.root),
        ),
      )
    : undefined;
  const report = new RunReportBuilder(countingRuleIds(options.config.rules));
  const shard = key ? new SessionShardBuilder(key, options.config.sessionLimits) : undefined;
  const shared = new SharedValues();
  const add = (produced: FileResult) => {
    const result = shared.shareIn(findings ? findings.addTo(produced) : produced);
    options.onResult?.(result);
    report.add(result);
    shard?.add(result);
  };
  const checkOptions = { ...options, files, reuse, profiler, workspaceFiles };
  if (options.parallel && options.parallel.workers > 0) await checkFilesInParallel({ ...checkOptions, parallel: options.parallel }, add);
  else for (const result of checkFiles(checkOptions)) add(result);
  findings?.rest().forEach(add);

  let baseline = previous;
  if (baselinePath && options.updateBaseline) {
    baseline = Baseline.fromViolations(report.violations);
    await baseline.write(baselinePath);
  }
  return {
    report: report.finish({ project: options.project, enforcerVersion: ENFORCER_VERSION, configHash: options.config.hash, baseline }),
    ...(shard ? { shard: shard.finish() } : {}),
    ...(profiler ? { profile: profiler.finish() } : {}),
  };
}

function withoutRules<T extends { violations: Violation[] }>(stored: T | undefined, ruleIds: ReadonlySet<string>): T | undefined {
  if (!stored || ruleIds.size === 0) return stored;
  const violations = stored.violations.filter((violation) => !ruleIds.has(violation.ruleId));
  return violations.length === stored.violations.length ? stored : { ...stored, violations };
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
