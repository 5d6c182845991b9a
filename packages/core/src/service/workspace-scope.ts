import { existsSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { ConfigResolver } from '../config/config-resolver';
import { DEFAULT_IGNORES } from '../config/defaults';
import { loadConfig } from '../config/load-config';
import { isCodeFile } from '../engine/source-kinds';
import type { Notice } from '../engine/types';
import { isInsideRoot, isWorkspaceRoot, rootFolder } from '../engine/workspace-paths';
import type { WorkspaceView } from '../engine/workspace-view';
import { builtinRules } from '../rules';
import { isCheckedFile, type SourceFileRef } from '../runner/check-files';
import type { ProjectInfo } from '../runner/check-project';
import { discoverNxProjects, discoverProjects } from '../runner/discover-projects';
import { discoverFiles, type DiscoveredFiles } from '../runner/discover-files';
import { describeIgnoredBy } from '../runner/ignore-files';
import { Enforcer, type CheckTarget } from './enforcer';
import { groupByProject, outsideFolders } from './project-files';
import { plural } from './verdict';
import { workerThreadsFor } from './worker-threads';

/**
 * What a run over named paths covers, found the way Nx finds it so the CLI and the targets give one
 * answer: in an Nx workspace (a folder with nx.json), each project's files as a unit of work with
 * that project's config and baseline, and the files in no project named, not checked; elsewhere,
 * every file as one unit with the root config.
 */
export class WorkspaceScope {
  private constructor(
    readonly enforcer: Enforcer,
    /** The root config (the reporters' rule list, the ignores). */
    readonly rootConfig: ConfigResolver,
    readonly discovered: DiscoveredFiles,
    readonly nx: NxProjects | undefined,
    /** Workspace-relative posix paths the run was asked for (none: the whole workspace). */
    readonly paths: readonly string[],
  ) {}

  static async discover(workspaceRoot: string, paths: readonly string[], configFile?: string): Promise<WorkspaceScope> {
    const named = paths.map((path) => toWorkspacePath(workspaceRoot, path));
    const discovered = await discoverFiles(workspaceRoot, paths);
    const nx = existsSync(join(workspaceRoot, 'nx.json')) ? await nxProjectsOf(workspaceRoot, named, discovered.files) : undefined;
    const rootConfig = await loadConfig({ workspaceRoot, configFile, rules: builtinRules });
    const enforcer = new Enforcer({
      workspaceRoot,
      configFile,
      workspace: nx?.view ?? (await discoverProjects(workspaceRoot, discovered.files)),
      workers: workerThreadsFor(),
    });
    return new WorkspaceScope(enforcer, rootConfig, discovered, nx, named);
  }

  /** The units of work: one per project holding named files, or one for all files outside Nx. */
  targets(baselineFile?: string): CheckTarget[] {
    return this.nx ? this.nx.grouped.groups.map(({ project, files }) => ({ project, files, baselineFile })) : [{ files: this.discovered.files, baselineFile }];
  }

  /** Notices for what is not checked: source files in no project, and named paths that yield nothing. */
  notChecked(): Notice[] {
    return [
      ...(this.nx ? outsideNotices(this.nx.grouped.outside, this.rootConfig) : []),
      ...uncheckedPaths(this.paths, this.discovered, this.rootConfig, this.nx),
    ].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  }
}

export interface NxProjects {
  view: WorkspaceView;
  projects: ProjectInfo[];
  /** The files to check, by project, and those in none. */
  grouped: ReturnType<typeof groupByProject>;
}

/**
 * The workspace's Nx projects. Their manifests are found in the whole workspace, not only below the
 * named paths, so a named folder inside a project still belongs to it.
 */
async function nxProjectsOf(workspaceRoot: string, paths: readonly string[], files: readonly SourceFileRef[]): Promise<NxProjects> {
  const everything = paths.length === 0 || paths.includes('') ? files : (await discoverFiles(workspaceRoot, [])).files;
  const { projects, view } = await discoverNxProjects(workspaceRoot, everything);
  return { view, projects, grouped: groupByProject(files, projects) };
}

/**
 * Source files in no project, by top folder: no enforce target checks them, so the CLI does not
 * either, and says so. Workspace files such as nx.json or the root package.json are not named.
 */
function outsideNotices(files: readonly SourceFileRef[], config: ConfigResolver): Notice[] {
  const checkable = files.filter((file) => isCodeFile(file.path) && !config.isIgnored(file.path));
  return outsideFolders(checkable).map(({ folder, files: count }) => ({
    file: folder,
    code: 'not-checked',
    message:
      `${folder}: ${plural(count, 'source file')} in no Nx project, so no enforce target checks ${count === 1 ? 'it' : 'them'} ` +
      `(nx g nx-enforcer:init --checkFilesOutsideProjects adds a root project that does)`,
  }));
}

/**
 * The paths named on the command line under which no file is checked, each with why: `.gitignore`
 * or `.nxignore` (with the pattern), the config's or the default ignores, or no file there is of a
 * kind any rule checks.
 */
function uncheckedPaths(paths: readonly string[], discovered: DiscoveredFiles, config: ConfigResolver, nx: NxProjects | undefined): Notice[] {
  const notices: Notice[] = [];
  const outside = new Set(nx?.grouped.outside.map((file) => file.path));
  for (const input of paths) {
    const path = rootFolder(input);
    const under = isWorkspaceRoot(path) ? discovered.files : discovered.files.filter((file) => isInsideRoot(path, file.path));
    if (under.some((file) => isCheckedFile(file.path, config) && !outside.has(file.path))) continue;
    // The notices for files in no project already say why.
    if (under.some((file) => outside.has(file.path))) continue;
    const ignoredBy = under.length === 0 ? discovered.ignored.get(path) : undefined;
    const ignored = under.length > 0 ? under.every((file) => config.isIgnored(file.path)) : config.isIgnored(path);
    const why = ignoredBy
      ? `it is ignored by ${describeIgnoredBy(ignoredBy)}, as Nx ignores it; name a file in it to check that file`
      : ignored
        ? `it matches the ignores (the config's \`ignores\`, or the defaults: ${DEFAULT_IGNORES.join(', ')})`
        : under.length === 0
          ? 'it holds no files'
          : 'no file there is of a kind any rule checks';
    notices.push({ file: path, code: 'not-checked', message: `${path} was named but nothing in it was checked: ${why}` });
  }
  return notices;
}

/** A path as the workspace names it: relative to its root, posix. */
export function toWorkspacePath(workspaceRoot: string, path: string): string {
  return relative(workspaceRoot, resolve(workspaceRoot, path)).split(sep).join('/');
}
