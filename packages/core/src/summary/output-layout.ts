import { isWorkspaceRoot, normalizeRoot } from '../engine/workspace-paths';

/**
 * The enforcer's output folder (`.nx-enforcer/` in an Nx workspace): one folder per project under
 * `projects/`, the merged summary in `summary/`. Project folders are flat, one name per project
 * root, so no project's folder holds another's or the summary: a cache restore of `libs/a` (Nx
 * replaces a declared output folder whole) cannot delete or replace `libs/a/b`'s report.
 */

/** The folder name of the workspace-root project: an encoded `.`, which no other root encodes to. */
const ROOT_PROJECT_FOLDER = '%2E';

/**
 * A project's folder name under `projects/`: its root with `%` written `%25` and `/` written `%2F`
 * (`libs/api` → `libs%2Fapi`), reversible by `projectRootOfFolder`.
 */
export function projectFolderName(projectRoot: string): string {
  const root = normalizeRoot(projectRoot);
  return isWorkspaceRoot(root) ? ROOT_PROJECT_FOLDER : root.replace(/%/g, '%25').replace(/\//g, '%2F');
}

/** The project root a folder under `projects/` belongs to; undefined for a name `projectFolderName` never gives. */
export function projectRootOfFolder(name: string): string | undefined {
  if (name === ROOT_PROJECT_FOLDER) return '.';
  const root = name.replace(/%(25|2F)/g, (_, code: string) => (code === '25' ? '%' : '/'));
  // Only workspace-relative roots whose names encode back to themselves: `a%2Fb%2F`, `%2Fa`,
  // `..%2Fx` or a stray `%` come from no project.
  const relative = root.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..');
  return relative && projectFolderName(root) === name ? root : undefined;
}
