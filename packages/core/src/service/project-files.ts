import { rootFolder } from '../engine/workspace-paths';
import type { SourceFileRef } from '../runner/check-files';
import type { ProjectInfo } from '../runner/check-project';

export interface ProjectFiles {
  project: ProjectInfo;
  files: SourceFileRef[];
}

/**
 * Each file goes to the project with the deepest root that holds it, as Nx's project file map
 * assigns them; files under no project's root are `outside` (no Nx target ever checks them).
 */
export function groupByProject(files: readonly SourceFileRef[], projects: readonly ProjectInfo[]): { groups: ProjectFiles[]; outside: SourceFileRef[] } {
  const byRoot = new Map(projects.map((project) => [rootFolder(project.root), { project, files: [] as SourceFileRef[] }]));
  const outside: SourceFileRef[] = [];
  for (const file of files) {
    const group = byRoot.get(deepestRoot(file.path, byRoot));
    if (group) group.files.push(file);
    else outside.push(file);
  }
  const groups = [...byRoot.values()].filter((group) => group.files.length > 0);
  return { groups: groups.sort((a, b) => (a.project.root < b.project.root ? -1 : a.project.root > b.project.root ? 1 : 0)), outside };
}

function deepestRoot(path: string, roots: ReadonlyMap<string, unknown>): string {
  let folder = path;
  for (;;) {
    const slash = folder.lastIndexOf('/');
    if (slash === -1) return '.';
    folder = folder.slice(0, slash);
    if (roots.has(folder)) return folder;
  }
}

/**
 * The files outside every project, grouped by their top folder (`tools/`, or the file itself at
 * the root), so a summary names a few places instead of hundreds of files.
 */
export function outsideFolders(files: readonly SourceFileRef[]): Array<{ folder: string; files: number }> {
  const counts = new Map<string, number>();
  for (const { path } of files) {
    const slash = path.indexOf('/');
    const folder = slash === -1 ? path : `${path.slice(0, slash)}/`;
    counts.set(folder, (counts.get(folder) ?? 0) + 1);
  }
  return [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([folder, files]) => ({ folder, files }));
}
