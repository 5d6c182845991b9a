import type { CreateNodes, CreateNodesResultArray } from '@nx/devkit';
import { globWithWorkspaceContext } from '@nx/devkit/internal';
import { CODE_EXTENSIONS, DEFAULT_IGNORES } from '@nx-enforcer/core';
import { buildEnforceTarget } from './enforce-target';
import { enforcerInputs } from './enforcer-inputs';
import { findProjectRoots } from './project-roots';

export interface EnforcerPluginOptions {
  /** Name of the inferred target. Default `enforce`. */
  targetName?: string;
}

const PROJECT_FILES = '**/{project.json,package.json}';

/** Infers a cached `enforce` target on every project that has TypeScript or JavaScript files. */
export const createNodes: CreateNodes<EnforcerPluginOptions> = [
  PROJECT_FILES,
  async (configFiles, options, context): Promise<CreateNodesResultArray> => {
    const targetName = options?.targetName ?? 'enforce';
    const roots = findProjectRoots(configFiles, context.workspaceRoot);
    if (roots.size === 0) return [];
    const rootsWithCode = await foldersWithCodeFiles(context.workspaceRoot);
    const inputs = enforcerInputs(context.workspaceRoot);
    const results: CreateNodesResultArray = [];
    for (const [root, configFile] of [...roots].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      if (!rootsWithCode.has(root)) continue;
      results.push([configFile, { projects: { [root]: { targets: { [targetName]: buildEnforceTarget(root, inputs) } } } }]);
    }
    return results;
  },
];

/** Every folder (and ancestor folder, `.` for the root) that contains a checkable code file. */
async function foldersWithCodeFiles(workspaceRoot: string): Promise<Set<string>> {
  const extensions = CODE_EXTENSIONS.map((extension) => extension.slice(1)).join(',');
  const files = await globWithWorkspaceContext(workspaceRoot, [`**/*.{${extensions}}`], [...DEFAULT_IGNORES]);
  const folders = new Set<string>();
  for (const file of files) {
    let slash = file.lastIndexOf('/');
    folders.add('.');
    while (slash > 0) {
      const folder = file.slice(0, slash);
      if (folders.has(folder)) break;
      folders.add(folder);
      slash = folder.lastIndexOf('/');
    }
  }
  return folders;
}
