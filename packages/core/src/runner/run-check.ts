import { lastValueFrom, toArray } from 'rxjs';
import { join } from 'node:path';
import { Baseline } from '../session/baseline';
import { ENFORCER_VERSION } from '../version';
import { checkFiles, type CheckFilesOptions, type FileResult } from './check-files';
import { buildRunReport, type RunReport } from './run-report';

export interface RunCheckOptions extends CheckFilesOptions {
  project?: string;
  /** The baseline of accepted historical violations (workspace-relative); without one every violation is new. */
  baselineFile?: string;
  /** Write the baseline from this run's violations (fixed entries drop out), instead of comparing against it. */
  updateBaseline?: boolean;
}

export interface RunCheckResult {
  report: RunReport;
  /** Per-file results (violations and notices only; no syntax trees). */
  results: FileResult[];
}

/** Checks the files and builds the run's report. */
export async function runCheck(options: RunCheckOptions): Promise<RunCheckResult> {
  const baselinePath = options.baselineFile === undefined ? undefined : join(options.workspaceRoot, options.baselineFile);
  // Read before checking: a malformed baseline stops the run before any work is done.
  const previous = baselinePath && !options.updateBaseline ? await Baseline.read(baselinePath, options.baselineFile as string) : undefined;
  const results = await lastValueFrom(checkFiles(options).pipe(toArray()));
  const meta = { project: options.project, enforcerVersion: ENFORCER_VERSION, configHash: options.config.hash };
  let baseline = previous;
  if (baselinePath && options.updateBaseline) {
    baseline = Baseline.fromViolations(results.flatMap((result) => result.violations));
    await baseline.write(baselinePath);
  }
  return { report: buildRunReport(results, { ...meta, baseline }), results };
}
