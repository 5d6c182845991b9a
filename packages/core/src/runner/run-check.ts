import { lastValueFrom, toArray } from 'rxjs';
import { ENFORCER_VERSION } from '../version';
import { checkFiles, type CheckFilesOptions, type FileResult } from './check-files';
import { buildRunReport, type RunReport } from './run-report';

export interface RunCheckOptions extends CheckFilesOptions {
  project?: string;
}

export interface RunCheckResult {
  report: RunReport;
  /** Per-file results (violations and notices only; no syntax trees). */
  results: FileResult[];
}

/** Checks the files and builds the run's report. */
export async function runCheck(options: RunCheckOptions): Promise<RunCheckResult> {
  const results = await lastValueFrom(checkFiles(options).pipe(toArray()));
  const report = buildRunReport(results, { project: options.project, enforcerVersion: ENFORCER_VERSION, configHash: options.config.hash });
  return { report, results };
}
