import { opendir } from 'node:fs/promises';
import { isAbsolute, join, posix, relative, resolve, sep } from 'node:path';
import type { SourceFileRef } from './check-files';

/** Never descended into: version control metadata and installed dependencies. */
const PRUNED_DIRECTORIES = new Set(['.git', 'node_modules', '.nx']);

/**
 * Lists the files under the given paths (files or folders) as workspace-relative posix paths, for
 * the CLI. Symbolic links are not followed, and paths outside the workspace are refused. Inside Nx
 * the plugin passes Nx's own file list instead.
 */
export async function discoverFiles(workspaceRoot: string, paths: readonly string[]): Promise<SourceFileRef[]> {
  const found = new Set<string>();
  for (const input of paths.length > 0 ? paths : ['.']) {
    const absolute = resolve(workspaceRoot, input);
    const relativePath = relative(workspaceRoot, absolute);
    if (relativePath === '..' || relativePath.startsWith(`..${sep}`) || isAbsolute(relativePath)) {
      throw new PathOutsideWorkspaceError(input);
    }
    await collect(workspaceRoot, absolute, found);
  }
  return [...found].sort().map((path) => ({ path }));
}

export class PathOutsideWorkspaceError extends Error {
  constructor(readonly input: string) {
    super(`${input}: path is outside the workspace root`);
    this.name = 'PathOutsideWorkspaceError';
  }
}

async function collect(workspaceRoot: string, absolute: string, found: Set<string>): Promise<void> {
  let directory;
  try {
    directory = await opendir(absolute);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOTDIR') {
      found.add(toPosix(relative(workspaceRoot, absolute)));
      return;
    }
    if (code === 'ENOENT') throw new MissingPathError(toPosix(relative(workspaceRoot, absolute)));
    throw error;
  }
  for await (const entry of directory) {
    const child = join(absolute, entry.name);
    if (entry.isDirectory()) {
      if (!PRUNED_DIRECTORIES.has(entry.name)) await collect(workspaceRoot, child, found);
    } else if (entry.isFile()) {
      found.add(toPosix(relative(workspaceRoot, child)));
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
