import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { createWorkspaceView, type WorkspaceProject, type WorkspaceView } from '../engine/workspace-view';
import { rootPathAliases } from '../rules/rule-utils/module-paths';
import type { SourceFileRef } from './check-files';
import type { ProjectInfo } from './check-project';
import { findProjectRoots } from './project-roots';

const MANIFESTS = new Set(['project.json', 'package.json']);

/**
 * The workspace's projects as the CLI sees them, from the files it lists: every folder with a
 * `project.json` (its `name` and `tags`) or a `package.json` (its `name`, `nx.tags` and `exports`),
 * and the root tsconfig's path aliases. Rules then resolve imports of workspace packages by name as
 * under Nx. No dependencies are given: the CLI has no task inputs to keep to, so a rule may read
 * any project's files (and each read is a dependency of the stored result). A manifest that cannot
 * be read or parsed still marks its folder as a project.
 */
export async function discoverProjects(workspaceRoot: string, files: readonly SourceFileRef[]): Promise<WorkspaceView> {
  return createWorkspaceView({ projects: await projectsOf(workspaceRoot, files, () => true), pathAliases: pathAliasesOf(workspaceRoot) });
}

/**
 * In an Nx workspace, the projects Nx itself would find among the listed files (a `project.json`,
 * or a `package.json` the package manager's workspaces take in), so the CLI checks each file with
 * the config, baseline and project rules the file's `enforce` target uses.
 */
export async function discoverNxProjects(workspaceRoot: string, files: readonly SourceFileRef[]): Promise<{ projects: ProjectInfo[]; view: WorkspaceView }> {
  const roots = findProjectRoots(
    files.map((file) => file.path).filter((path) => MANIFESTS.has(posix.basename(path))),
    workspaceRoot,
  );
  const projects = await projectsOf(workspaceRoot, files, (root) => roots.has(root));
  return {
    projects: projects.map((project) => ({ name: project.name, root: project.root, tags: project.tags })),
    view: createWorkspaceView({ projects, pathAliases: pathAliasesOf(workspaceRoot) }),
  };
}

async function projectsOf(workspaceRoot: string, files: readonly SourceFileRef[], isProject: (root: string) => boolean): Promise<WorkspaceProject[]> {
  const manifests = new Map<string, { project?: Record<string, unknown>; package?: Record<string, unknown> }>();
  for (const { path } of files) {
    const name = posix.basename(path);
    if (!MANIFESTS.has(name)) continue;
    if (!isProject(posix.dirname(path))) continue;
    const root = posix.dirname(path);
    const found = manifests.get(root) ?? {};
    found[name === 'project.json' ? 'project' : 'package'] = (await readJson(join(workspaceRoot, path))) ?? {};
    manifests.set(root, found);
  }
  return [...manifests].map(([root, found]): WorkspaceProject => {
    const packageName = typeof found.package?.name === 'string' ? found.package.name : undefined;
    const projectName = typeof found.project?.name === 'string' ? found.project.name : undefined;
    const tags = found.project?.tags ?? (found.package?.nx as { tags?: unknown } | undefined)?.tags;
    return {
      name: projectName ?? packageName ?? root,
      root,
      tags: Array.isArray(tags) ? tags.filter((tag): tag is string => typeof tag === 'string') : [],
      ...(packageName === undefined ? {} : { packageName }),
      ...(found.package?.exports === undefined ? {} : { packageExports: found.package.exports }),
    };
  });
}

/** The root tsconfig's path aliases (with its baseUrl), as the CLI and every executor resolve imports. */
export function pathAliasesOf(workspaceRoot: string): Record<string, readonly string[]> {
  const aliases = rootPathAliases({
    readFile: (path) => {
      try {
        return readFileSync(join(workspaceRoot, path), 'utf8');
      } catch {
        return undefined;
      }
    },
  });
  return Object.fromEntries(aliases.entries);
}

async function readJson(path: string): Promise<Record<string, unknown> | undefined> {
  try {
    const value: unknown = JSON.parse(await readFile(path, 'utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
