import { createProjectFileMapUsingProjectGraph, type ExecutorContext } from '@nx/devkit';
import { Enforcer, type ProjectInfo, type SourceFileRef, type WorkspaceView } from '@nx-enforcer/core';
import { createWorkspaceView, pathAliasesOf, rootFolder, workerThreadsFor } from '@nx-enforcer/core/internal';
import { assertSupportedNx } from '../../nx-version';

/** Where a task's messages go: the terminal for one task, a buffer per task in a batch. */
export interface TaskOutput {
  /** The formatted report. */
  print(text: string): void;
  /** Profile lines (kept off stdout, so a JSON report stays parsable). */
  diagnostics(text: string): void;
  error(message: string): void;
  warn(message: string): void;
}

/** What every project of a run shares, computed once per process. */
export interface RunContext {
  /** Nx's project file map; a watch run hands over changed files without a hash. */
  fileMap: Record<string, ReadonlyArray<{ file: string; hash?: string }>>;
  /** The service every task of the process runs through, with the workspace's projects. */
  enforcer: Enforcer;
  /**
   * Keep the previous report until this check has a result (a watch's re-checks: stopping mid-check
   * leaves the last complete report); a check that fails still removes it.
   */
  keepReportWhileChecking?: boolean;
}

/**
 * @param checksAtOnce How many checks this process runs side by side: one in a batch (whose
 * projects share one process), else as many as Nx runs task processes at once.
 */
export async function createRunContext(context: ExecutorContext, checksAtOnce = tasksAtOnce(context)): Promise<RunContext> {
  assertSupportedNx(context.root);
  return {
    fileMap: await createProjectFileMapUsingProjectGraph(context.projectGraph),
    enforcer: new Enforcer({ workspaceRoot: context.root, workspace: workspaceViewOf(context), workers: workerThreadsFor(checksAtOnce) }),
  };
}

/**
 * Task processes Nx runs at once: its `parallel` (NX_PARALLEL, else nx.json's, else Nx's default of
 * 3), or fewer when the run has fewer tasks. `nx run app:enforce` alone gets every core.
 */
function tasksAtOnce(context: ExecutorContext): number {
  const tasks = Object.keys(context.taskGraph?.tasks ?? {}).length || 1;
  const configured = Number(process.env.NX_PARALLEL ?? (context.nxJsonConfiguration as { parallel?: unknown } | undefined)?.parallel);
  return Math.min(tasks, Number.isInteger(configured) && configured > 0 ? configured : 3);
}

/** The project as its project-scoped rules see it. */
export function projectInfoOf(context: ExecutorContext, projectName: string): ProjectInfo {
  const { root, tags } = context.projectsConfigurations.projects[projectName];
  return { name: projectName, root: rootFolder(root), tags: tags ?? [] };
}

/** The project's files from Nx's project file map, with Nx's content hashes. */
export function projectFilesOf(run: RunContext, projectName: string): SourceFileRef[] {
  return (run.fileMap[projectName] ?? []).map((file): SourceFileRef => ({ path: file.file, hash: file.hash }));
}

/** The projects (tags, package names) and path aliases that cross-project rules resolve imports with. */
function workspaceViewOf(context: ExecutorContext): WorkspaceView {
  const projects = Object.values(context.projectGraph.nodes).map((node) => {
    const js = (node.data.metadata as { js?: { packageName?: string; packageExports?: unknown } } | undefined)?.js;
    // Edges to other projects only (not to npm packages): their files are the target's `^` inputs.
    const dependencies = (context.projectGraph.dependencies?.[node.name] ?? [])
      .map((edge) => edge.target)
      .filter((target) => target in context.projectGraph.nodes);
    return {
      name: node.name,
      root: node.data.root,
      tags: node.data.tags ?? [],
      packageName: js?.packageName,
      packageExports: js?.packageExports,
      dependencies: [...new Set(dependencies)].sort(),
    };
  });
  // The same aliases as the CLI's (the root tsconfig's, with its baseUrl): one answer for both.
  return createWorkspaceView({ projects, pathAliases: pathAliasesOf(context.root) });
}
