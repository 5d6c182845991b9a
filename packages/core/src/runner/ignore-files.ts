import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { joinProjectPath } from '../engine/workspace-paths';

/**
 * The files whose patterns take paths out of the workspace, in every folder: Nx's own file index
 * reads the same two (and nothing else decides it), so the CLI and the `enforce` target see the
 * same files.
 */
export const IGNORE_FILE_NAMES: readonly string[] = ['.gitignore', '.nxignore'];

/** Why a path is ignored: the ignore file (workspace-relative) and the pattern that matched. */
export interface IgnoredBy {
  file: string;
  pattern: string;
}

interface IgnoreLayer {
  /** The ignore file, workspace-relative; its patterns are relative to its folder. */
  file: string;
  matcher: Ignore;
}

/**
 * `.gitignore` / `.nxignore` semantics over a workspace, read folder by folder as a walk reaches
 * them: a folder's patterns apply below it, a deeper file's decision wins over a shallower one's,
 * and nothing inside an ignored folder comes back (git's rule). Paths are workspace-relative posix.
 */
export class WorkspaceIgnores {
  private readonly layers = new Map<string, IgnoreLayer[]>();

  constructor(private readonly workspaceRoot: string) {}

  /** Whether a changed file is outside the workspace's files (for watchers): git's metadata, or ignored. */
  excludes(path: string): boolean {
    return path.split('/').includes('.git') || this.ignoredBy(path, false) !== undefined;
  }

  /** Why `path` is ignored, or undefined; `path` is tested with each of its folders first. */
  ignoredBy(path: string, isDirectory: boolean): IgnoredBy | undefined {
    const parts = path.split('/');
    for (let depth = 1; depth <= parts.length; depth++) {
      const isLast = depth === parts.length;
      const verdict = this.decide(parts.slice(0, depth).join('/'), isLast ? isDirectory : true);
      if (verdict) return verdict;
    }
    return undefined;
  }

  /**
   * The verdict on one path by the ignore files of its folders alone (not its folders' own
   * verdicts): what a walk that never enters ignored folders needs for each entry it meets.
   */
  decide(path: string, isDirectory: boolean): IgnoredBy | undefined {
    const parts = path.split('/');
    let verdict: IgnoredBy | undefined;
    for (let depth = 0; depth < parts.length; depth++) {
      const base = parts.slice(0, depth).join('/');
      const relativePath = parts.slice(depth).join('/') + (isDirectory ? '/' : '');
      for (const layer of this.layersOf(base)) {
        const result = layer.matcher.test(relativePath);
        if (result.ignored && result.rule) verdict = { file: layer.file, pattern: result.rule.pattern };
        else if (result.unignored) verdict = undefined;
      }
    }
    return verdict;
  }

  private layersOf(base: string): IgnoreLayer[] {
    let layers = this.layers.get(base);
    if (layers) return layers;
    layers = [];
    for (const name of IGNORE_FILE_NAMES) {
      let text: string;
      try {
        text = readFileSync(join(this.workspaceRoot, base, name), 'utf8');
      } catch {
        continue;
      }
      layers.push({ file: joinProjectPath(base, name), matcher: ignore().add(text) });
    }
    this.layers.set(base, layers);
    return layers;
  }
}

/** ``packages/a/.gitignore (`dist/`)``: where a reader finds the pattern. */
export function describeIgnoredBy(by: IgnoredBy): string {
  return `${by.file} (\`${by.pattern}\`)`;
}
