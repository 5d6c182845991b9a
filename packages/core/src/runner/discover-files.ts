import { opendir } from 'node:fs/promises';
import { isAbsolute, join, posix, relative, resolve, sep } from 'node:path';
import type { SourceFileRef } from './check-files';
import { WorkspaceIgnores, type IgnoredBy } from './ignore-files';

/** Never descended into: version control metadata, installed dependencies and Nx's own folders. */
const PRUNED_DIRECTORIES = new Set(['.git', 'node_modules', '.nx']);

export interface DiscoveredFiles {
  files: SourceFileRef[];
  /**
   * Named paths that yield nothing because `.gitignore` / `.nxignore` take them (or everything
   * below them) out, with the pattern that did: the CLI says so instead of passing them in silence.
   */
  ignored: Map<string, IgnoredBy>;
}

/**
 * Lists the files under the given paths (files or folders) as workspace-relative posix paths, for
 * the CLI, as Nx lists a workspace's files: `.gitignore` and `.nxignore` in every folder are
 * honoured, so build output is left out because the team ignores it, not because of its name. A
 * file named explicitly is listed even when ignored (it was asked for); a named folder that is
 * ignored is not walked. Symbolic links are not followed, and paths outside the workspace are
 * refused. Inside Nx the plugin passes Nx's own file list instead.
 */
export async function discoverFiles(
  workspaceRoot: string,
  paths: readonly string[],
  options: { skipFolders?: ReadonlySet<string> } = {},
): Promise<DiscoveredFiles> {
  const found = new Set<string>();
  const ignored = new Map<string, IgnoredBy>();
  const ignores = new WorkspaceIgnores(workspaceRoot);
  for (const input of paths.length > 0 ? paths : ['.']) {
    const absolute = resolve(workspaceRoot, input);
    const relativePath = relative(workspaceRoot, absolute);
    if (relativePath === '..' || relativePath.startsWith(`..${sep}`) || isAbsolute(relativePath)) {
      throw new PathOutsideWorkspaceError(input);
    }
    const path = toPosix(relativePath);
    const before = found.size;
    const walk: Walk = { workspaceRoot, ignores, found, skipFolders: options.skipFolders };
    await collect(walk, absolute, path, true);
    if (found.size === before && walk.pruned) ignored.set(path === '' ? '.' : path, walk.pruned);
  }
  return { files: [...found].sort().map((path) => ({ path })), ignored };
}

export class PathOutsideWorkspaceError extends Error {
  constructor(readonly input: string) {
    super(`${input}: path is outside the workspace root`);
    this.name = 'PathOutsideWorkspaceError';
  }
}

interface Walk {
  workspaceRoot: string;
  ignores: WorkspaceIgnores;
  found: Set<string>;
  /** Folders not walked (the roots of projects, when looking for files in none). */
  skipFolders?: ReadonlySet<string>;
  /** The first thing the ignore files took out below the named path, for the notice when nothing is left. */
  pruned?: IgnoredBy;
}

async function collect(walk: Walk, absolute: string, path: string, named: boolean): Promise<void> {
  let directory;
  try {
    directory = await opendir(absolute);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOTDIR') {
      walk.found.add(path);
      return;
    }
    if (code === 'ENOENT') throw new MissingPathError(path);
    throw error;
  }
  if (named && path !== '') {
    // A named folder inside an ignored one is ignored as a whole: git never looks inside either.
    const by = walk.ignores.ignoredBy(path, true);
    if (by) {
      walk.pruned ??= by;
      await directory.close();
      return;
    }
  }
  const entries = [];
  for await (const entry of directory) entries.push(entry);
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const child = path === '' ? entry.name : `${path}/${entry.name}`;
    if (entry.isDirectory()) {
      if (PRUNED_DIRECTORIES.has(entry.name) || walk.skipFolders?.has(child)) continue;
      const by = walk.ignores.decide(child, true);
      if (by) walk.pruned ??= by;
      else await collect(walk, join(absolute, entry.name), child, false);
    } else if (entry.isFile()) {
      const by = walk.ignores.decide(child, false);
      if (by) walk.pruned ??= by;
      else walk.found.add(child);
    }
  }
}

export class MissingPathError extends Error {
  constructor(readonly input: string) {
    super(`${input}: no such file or directory`);
    this.name = 'MissingPathError';
  }
}

function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join(posix.sep);
}
