import type { ConfigResolver } from '../config/config-resolver';
import { loadConfig } from '../config/load-config';
import { joinProjectPath } from '../engine/workspace-paths';
import type { WorkspaceView } from '../engine/workspace-view';
import { builtinRules } from '../rules';
import { realPathOf, type FileResult, type SourceFileRef } from '../runner/check-files';
import { FilePipeline } from '../runner/file-pipeline';
import { SourceReader } from '../runner/read-source';
import { WorkspaceFileReader } from '../runner/workspace-file-reader';
import type { ProjectInfo } from '../runner/check-project';
import { fixFiles, type FileFixResult } from '../runner/fix-files';
import { DEFAULT_MIN_FILES_PER_WORKER } from '../runner/parallel-check';
import { runCheck } from '../runner/run-check';
import type { RunProfile } from '../runner/run-profile';
import type { RunReport } from '../runner/run-report';
import { BASELINE_FILE } from '../session/baseline';
import type { SessionShard } from '../session/session-shard';
import type { RunOptions } from './run-options';
import { verdictOf, type Verdict } from './verdict';

export interface EnforcerInit {
  /** Absolute; every file path is relative to it. */
  workspaceRoot: string;
  /** The workspace's projects and path aliases, for rules that resolve imports across projects. */
  workspace: WorkspaceView;
  /** A config file used instead of the root `enforcer.config.json` (workspace-relative). */
  configFile?: string;
  /**
   * Worker threads a check may start besides the calling thread, when it has enough files to
   * analyse to pay for them (default none). Results are the same as without.
   */
  workers?: number;
}

/** One unit of work: a project's files (or, outside a workspace of projects, any files). */
export interface CheckTarget {
  /** The project: its config layer, its project rules and its baseline apply. */
  project?: ProjectInfo;
  files: Iterable<SourceFileRef>;
  /** Workspace-relative; default: the project's `enforcer.baseline.json`, none without a project. */
  baselineFile?: string;
}

/** Reuse of earlier work and limits on reading, which only the plugin has (a shard, task inputs). */
export interface CheckContext {
  previousShard?: SessionShard;
  /** Which files a rule may read, given the project's config. */
  readPolicy?: (config: ConfigResolver) => (path: string, ruleId: string) => boolean;
}

export interface CheckOutcome {
  config: ConfigResolver;
  report: RunReport;
  verdict: Verdict;
  shard?: SessionShard;
  profile?: RunProfile;
}

export interface FixOutcome {
  config: ConfigResolver;
  report: RunReport;
  verdict: Verdict;
  /** What was fixed (and refused) per file. */
  files: FileFixResult[];
}

/**
 * The application service every surface runs: the CLI, the `enforce` executor (one task or a
 * batch), fix and watch. It owns how a project's config is found, which baseline applies and what
 * the verdict is, so the same files give the same answer whichever way they are checked. It knows
 * nothing of Nx: the plugin hands it projects and files from Nx's graph, the CLI from the disk.
 */
export class Enforcer {
  constructor(private readonly init: EnforcerInit) {}

  get workspaceRoot(): string {
    return this.init.workspaceRoot;
  }

  /** The root config with the project's layer (its `enforcer.config.json`) over it. */
  configFor(projectRoot?: string): Promise<ConfigResolver> {
    return loadConfig({ workspaceRoot: this.init.workspaceRoot, configFile: this.init.configFile, projectRoot, rules: builtinRules });
  }

  async check(
    target: CheckTarget,
    options: Pick<RunOptions, 'reportUnusedSuppressions' | 'updateBaseline' | 'profile' | 'maxWarnings'>,
    context: CheckContext = {},
  ): Promise<CheckOutcome> {
    const config = await this.configFor(target.project?.root);
    const result = await runCheck({
      workspaceRoot: this.init.workspaceRoot,
      files: target.files,
      config,
      workspace: this.init.workspace,
      project: target.project?.name,
      projectInfo: target.project,
      reportUnusedSuppressions: options.reportUnusedSuppressions,
      baselineFile: baselineOf(target),
      updateBaseline: options.updateBaseline,
      previousShard: context.previousShard,
      profile: options.profile,
      canRead: context.readPolicy?.(config),
      parallel: {
        workers: this.init.workers ?? 0,
        minFiles: DEFAULT_MIN_FILES_PER_WORKER,
        configFile: this.init.configFile,
        projectRoot: target.project?.root,
      },
    });
    return { config, report: result.report, verdict: verdictOf(result.report, options.maxWarnings), shard: result.shard, profile: result.profile };
  }

  /**
   * Checks one file's text, saved or not (an editor's unsaved buffer), with its project's config,
   * through the same file pipeline as a check run: the next consumer of this service is a language
   * server that re-checks one file at a time.
   */
  async checkText(file: { project?: ProjectInfo; path: string; text: string }): Promise<FileResult> {
    const config = await this.configFor(file.project?.root);
    const reader = new SourceReader({ maxFileSize: config.maxFileSize, realWorkspaceRoot: realPathOf(this.init.workspaceRoot) });
    const pipeline = new FilePipeline({
      workspaceRoot: this.init.workspaceRoot,
      config,
      workspaceFiles: new WorkspaceFileReader(this.init.workspaceRoot, reader),
      workspace: this.init.workspace,
    });
    return pipeline.check({ path: file.path }, file.text);
  }

  async fix(target: CheckTarget, options: Pick<RunOptions, 'reportUnusedSuppressions' | 'fixType' | 'maxWarnings'>): Promise<FixOutcome> {
    const config = await this.configFor(target.project?.root);
    const fixed = await fixFiles({
      workspaceRoot: this.init.workspaceRoot,
      files: target.files,
      config,
      fixType: options.fixType,
      workspace: this.init.workspace,
      project: target.project?.name,
      projectInfo: target.project,
      reportUnusedSuppressions: options.reportUnusedSuppressions,
      baselineFile: baselineOf(target),
    });
    return { config, report: fixed.report, verdict: verdictOf(fixed.report, options.maxWarnings), files: fixed.files };
  }
}

/** The project's baseline, workspace-relative. */
export function baselineFileOf(projectRoot: string): string {
  return joinProjectPath(projectRoot, BASELINE_FILE);
}

function baselineOf(target: CheckTarget): string | undefined {
  return target.baselineFile ?? (target.project ? baselineFileOf(target.project.root) : undefined);
}
