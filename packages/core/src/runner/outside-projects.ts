import { isCodeFile } from '../engine/source-kinds';
import { rootFolder } from '../engine/workspace-paths';
import { outsideFolders } from '../service/project-files';
import { discoverFiles } from './discover-files';

/** Source files that no project holds, counted per top folder. */
export interface OutsideProjects {
  folder: string;
  files: number;
}

/**
 * The source files in no project (as Nx lists files: `.gitignore` and `.nxignore` honoured), by top
 * folder. No `enforce` target checks them, so a summary must say they were not checked. Only the
 * folders outside every project root are walked, which is little in a workspace of projects.
 */
export async function sourceFilesOutsideProjects(workspaceRoot: string, projectRoots: Iterable<string>): Promise<OutsideProjects[]> {
  const roots = new Set([...projectRoots].map(rootFolder));
  if (roots.has('.')) return [];
  const { files } = await discoverFiles(workspaceRoot, [], { skipFolders: roots });
  return outsideFolders(files.filter((file) => isCodeFile(file.path)));
}
