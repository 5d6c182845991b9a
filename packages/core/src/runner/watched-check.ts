import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ConfigResolver } from '../config/config-resolver';
import { isInsideRoot } from '../engine/workspace-paths';
import { Baseline } from '../session/baseline';
import { ENFORCER_VERSION } from '../version';
import { isCheckedFile, type FileResult, type SourceFileRef } from './check-files';
import { runCheck } from './run-check';
import { buildRunReport, countingRuleIds, type RunReport } from './run-report';

export interface WatchedCheckOptions {
  workspaceRoot: string;
  config: ConfigResolver;
  reportUnusedSuppressions?: boolean;
  /** Workspace-relative baseline file; read once, at the start. */
  baselineFile?: string;
  /** Only files under these workspace-relative paths are checked (`.` or none: all). */
  scope?: readonly string[];
}

export interface WatchUpdate {
  report: RunReport;
  /** The files of the batch that were checked again (deleted and out-of-scope ones are not). */
  checked: string[];
  /** Files of the batch that no longer exist: their results were dropped. */
  removed: string[];
}

/**
 * The state of a watch session for the CLI: every checked file's last result, kept so that a batch
 * of changed files is checked alone and the report rebuilt from all results. A file that does not
 * parse mid-edit is reported as a parse error and checked again on its next save.
 */
export class WatchedCheck {
  private readonly results = new Map<string, FileResult>();
  private baseline?: Baseline;

  constructor(private readonly options: WatchedCheckOptions) {}

  async start(files: readonly SourceFileRef[]): Promise<RunReport> {
    const { baselineFile, workspaceRoot } = this.options;
    if (baselineFile !== undefined && existsSync(join(workspaceRoot, baselineFile)))
      this.baseline = await Baseline.read(join(workspaceRoot, baselineFile), baselineFile);
    await this.check(files.map((file) => file.path));
    return this.report();
  }

  async update(batch: readonly string[]): Promise<WatchUpdate> {
    const removed: string[] = [];
    const present: string[] = [];
    for (const path of batch) {
      if (!this.inScope(path)) continue;
      if (isFile(join(this.options.workspaceRoot, path))) present.push(path);
      else if (this.results.delete(path)) removed.push(path);
    }
    const checked = await this.check(present);
    return { report: this.report(), checked, removed };
  }

  private async check(paths: readonly string[]): Promise<string[]> {
    const checkable = paths.filter((path) => isCheckedFile(path, this.options.config));
    if (checkable.length === 0) return [];
    const checked: string[] = [];
    await runCheck({
      workspaceRoot: this.options.workspaceRoot,
      files: checkable.map((path) => ({ path })),
      config: this.options.config,
      reportUnusedSuppressions: this.options.reportUnusedSuppressions,
      onResult: (result) => {
        this.results.set(result.file, result);
        checked.push(result.file);
      },
    });
    return checked.sort();
  }

  private report(): RunReport {
    return buildRunReport([...this.results.values()], {
      enforcerVersion: ENFORCER_VERSION,
      configHash: this.options.config.hash,
      baseline: this.baseline,
      countingRules: countingRuleIds(this.options.config.rules),
    });
  }

  private inScope(path: string): boolean {
    const scope = this.options.scope ?? [];
    return scope.length === 0 || scope.some((folder) => isInsideRoot(folder, path));
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
