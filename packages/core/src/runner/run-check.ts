import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { lastValueFrom, toArray } from 'rxjs';
import { stableStringify } from '../json/stable-stringify';
import { Baseline } from '../session/baseline';
import { buildSessionShard, reusableViolations, type SessionShard, type ShardKey } from '../session/session-shard';
import { ENFORCER_VERSION } from '../version';
import { checkFiles, type CheckFilesOptions, type FileResult } from './check-files';
import { RunProfiler, type RunProfile } from './run-profile';
import { buildRunReport, type RunReport } from './run-report';

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
  const reuse = key && options.previousShard ? reusableViolations(options.previousShard, key) : undefined;
  const results = await lastValueFrom(checkFiles({ ...options, reuse, profiler }).pipe(toArray()));
  let baseline = previous;
  if (baselinePath && options.updateBaseline) {
    baseline = Baseline.fromViolations(results.flatMap((result) => result.violations));
    await baseline.write(baselinePath);
  }
  const report = buildRunReport(results, { project: options.project, enforcerVersion: ENFORCER_VERSION, configHash: options.config.hash, baseline });
  return {
    report,
    results,
    ...(key ? { shard: buildSessionShard(results, key, options.config.sessionLimits) } : {}),
    ...(profiler ? { profile: profiler.finish() } : {}),
  };
}

/**
 * Everything besides a file's content that decides its result. The workspace view matters only to
 * cross-project rules, but a rule cannot declare that, so any change of it counts.
 */
function shardKeyOf(options: RunCheckOptions): ShardKey | undefined {
  if (options.project === undefined) return undefined;
  const context = { reportUnusedSuppressions: options.reportUnusedSuppressions === true, workspace: options.workspace?.digest ?? null };
  return {
    project: options.project,
    enforcerVersion: ENFORCER_VERSION,
    configHash: options.config.hash,
    contextHash: createHash('sha256').update(stableStringify(context, 0)).digest('hex').slice(0, 20),
  };
}
