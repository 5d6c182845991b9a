import type { ExecutorContext } from '@nx/devkit';
import type { ProjectInfo, SourceFileRef } from '@nx-enforcer/core';
import type { RunContext } from './enforce-project';

/** The project as its project-scoped rules see it. */
export function projectInfoOf(context: ExecutorContext, projectName: string): ProjectInfo {
  const { root, tags } = context.projectsConfigurations.projects[projectName];
  return { name: projectName, root: root === '' ? '.' : root, tags: tags ?? [] };
}

/** The project's files from Nx's project file map, with Nx's content hashes. */
export function projectFilesOf(run: RunContext, projectName: string): SourceFileRef[] {
  return (run.fileMap[projectName] ?? []).map((file): SourceFileRef => ({ path: file.file, hash: file.hash }));
}
