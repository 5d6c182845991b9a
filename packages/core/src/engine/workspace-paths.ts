/**
 * Project roots and the paths inside them, all posix and relative to the workspace root. A root is
 * written two ways for the workspace-root project: `.` (Nx, `path.posix.dirname`) and `''` (config
 * layers, path prefixes); every function here accepts both, so callers never test for either.
 */

/** Whether `root` is the workspace root (`.`, `./`, `''`, or no root at all). */
export function isWorkspaceRoot(root: string | undefined): boolean {
  return root === undefined || root === '' || root === '.' || root === './';
}

/** `root` posix, without a leading `./` or a trailing `/`; `''` for the workspace root. */
export function normalizeRoot(root: string | undefined): string {
  if (isWorkspaceRoot(root)) return '';
  return (root as string)
    .replace(/\\/g, '/')
    .replace(/^(\.\/)+/, '')
    .replace(/^\.$/, '')
    .replace(/\/+$/, '');
}

/** `root` as a folder to walk or watch: `.` for the workspace root, otherwise unchanged. */
export function rootFolder(root: string | undefined): string {
  return isWorkspaceRoot(root) ? '.' : (root as string);
}

/** What every path inside `root` starts with: `root/`, or `''` for the workspace root. */
export function projectPathPrefix(root: string | undefined): string {
  return isWorkspaceRoot(root) ? '' : `${root}/`;
}

/** The workspace-relative path of `file`, given relative to `root` (`libs/a` + `src/x.ts` → `libs/a/src/x.ts`). */
export function joinProjectPath(root: string | undefined, file: string): string {
  return `${projectPathPrefix(root)}${file}`;
}

/** Whether the workspace-relative `path` is `root` or inside it; every path is inside the workspace root. */
export function isInsideRoot(root: string | undefined, path: string): boolean {
  return isWorkspaceRoot(root) || path === root || path.startsWith(`${root}/`);
}

/** `path` relative to `root` (`libs/a`, `libs/a/src/x.ts` → `src/x.ts`); undefined unless it is inside. */
export function relativeToProject(root: string | undefined, path: string): string | undefined {
  if (isWorkspaceRoot(root)) return path;
  return path.startsWith(`${root}/`) ? path.slice((root as string).length + 1) : undefined;
}
