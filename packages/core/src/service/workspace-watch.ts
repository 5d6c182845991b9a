import type { Notice } from '../engine/types';
import type { SourceFileRef } from '../runner/check-files';
import type { ProjectInfo } from '../runner/check-project';
import type { RunReport } from '../runner/run-report';
import { WatchedCheck } from '../runner/watched-check';
import { baselineFileOf, type Enforcer } from './enforcer';
import { mergeRunReports } from './merge-reports';
import { groupByProject } from './project-files';

export interface WorkspaceWatchInput {
  enforcer: Enforcer;
  /** The workspace's projects: each is watched with its own config and baseline. None: one unit for every file. */
  projects?: readonly ProjectInfo[];
  /** The files to check first. */
  files: readonly SourceFileRef[];
  /** Only changes under these workspace-relative paths are checked (none: all). */
  scope: readonly string[];
  /** One baseline for every unit, instead of each project's own. */
  baselineFile?: string;
  reportUnusedSuppressions: boolean;
  /** Notices that stay in every report (files in no project). */
  notices?: readonly Notice[];
}

export interface WorkspaceWatchUpdate {
  report: RunReport;
  checked: string[];
  removed: string[];
}

/**
 * A watch over a workspace: one watched check per project (its config layer, its baseline), so a
 * file changed during a watch is judged as its project's `enforce` target judges it. A batch of
 * changes is routed to the projects that hold the files; files in no project are not checked.
 */
export class WorkspaceWatch {
  private readonly reports = new Map<string, RunReport>();

  private constructor(
    private readonly units: ReadonlyMap<string, WatchedCheck>,
    private readonly projects: readonly ProjectInfo[] | undefined,
    private readonly notices: readonly Notice[],
  ) {}

  static async start(input: WorkspaceWatchInput): Promise<WorkspaceWatch> {
    const units = new Map<string, WatchedCheck>();
    for (const project of input.projects ?? [undefined]) {
      const config = await input.enforcer.configFor(project?.root);
      const baselineFile = input.baselineFile ?? (project ? baselineFileOf(project.root) : undefined);
      units.set(
        project?.root ?? '',
        new WatchedCheck({
          workspaceRoot: input.enforcer.workspaceRoot,
          config,
          reportUnusedSuppressions: input.reportUnusedSuppressions,
          baselineFile,
          scope: input.scope,
        }),
      );
    }
    const watch = new WorkspaceWatch(units, input.projects, input.notices ?? []);
    for (const [root, files] of watch.route(input.files.map((file) => file.path)))
      watch.reports.set(root, await (units.get(root) as WatchedCheck).start(files.map((path) => ({ path }))));
    return watch;
  }

  report(): RunReport {
    const reports = [...this.reports.values()];
    return this.projects === undefined && this.notices.length === 0 && reports.length === 1 ? reports[0] : mergeRunReports(reports, this.notices);
  }

  async update(batch: readonly string[]): Promise<WorkspaceWatchUpdate> {
    const checked: string[] = [];
    const removed: string[] = [];
    for (const [root, paths] of this.route(batch)) {
      const update = await (this.units.get(root) as WatchedCheck).update(paths);
      this.reports.set(root, update.report);
      checked.push(...update.checked);
      removed.push(...update.removed);
    }
    return { report: this.report(), checked: checked.sort(), removed: removed.sort() };
  }

  /** The paths per unit; paths in no project are dropped. */
  private route(paths: readonly string[]): Map<string, string[]> {
    if (this.projects === undefined) return new Map([['', [...paths]]]);
    const { groups } = groupByProject(
      paths.map((path) => ({ path })),
      this.projects,
    );
    return new Map(groups.map((group) => [group.project.root, group.files.map((file) => file.path)]));
  }
}
