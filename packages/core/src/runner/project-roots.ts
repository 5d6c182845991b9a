import { basename, dirname } from 'node:path';
import { normalizeRoot, rootFolder } from '../engine/workspace-paths';
import { workspacePackageMatcher } from './workspace-packages';

/**
 * The project roots among `project.json` / `package.json` files, with the file that defines each,
 * using Nx's own rule: a `package.json` is a project when it sits beside a `project.json` or is
 * matched by the package manager's workspaces globs (the root one when it has an `nx` key).
 * Targets for any other folder would create nameless phantom projects.
 */
export function findProjectRoots(configFiles: readonly string[], workspaceRoot: string): Map<string, string> {
  const roots = new Map<string, string>();
  for (const file of configFiles) {
    if (basename(file) === 'project.json') roots.set(rootFolder(normalizeRoot(dirname(file))), file);
  }
  // enforcer.config.json files only make Nx re-run inference when they change; they define nothing.
  const packageJsons = configFiles.filter((file) => basename(file) === 'package.json');
  if (packageJsons.length === 0) return roots;
  const isWorkspacePackage = workspacePackageMatcher(workspaceRoot);
  for (const file of packageJsons) {
    const root = rootFolder(normalizeRoot(dirname(file)));
    if (!roots.has(root) && isWorkspacePackage(file)) roots.set(root, file);
  }
  return roots;
}
