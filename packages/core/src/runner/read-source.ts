import { lstatSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, sep } from 'node:path';
import type { NoticeCode } from '../engine/types';

export type ReadOutcome = { text: string } | { skipped: NoticeCode; message: string };

const BINARY_SNIFF_BYTES = 8000;
const utf8 = new TextDecoder('utf-8', { fatal: true });

export interface ReadSourceOptions {
  maxFileSize: number;
  /** The workspace root with symbolic links resolved: nothing that resolves outside it is read. */
  realWorkspaceRoot?: string;
}

/**
 * Reads source files as text, refusing what cannot be source code: directories, files over
 * `maxFileSize` (checked before reading, so a huge file costs nothing), binary content, invalid
 * UTF-8, and anything a symbolic link leads outside the workspace. Every refusal is returned as a
 * reason, never thrown.
 *
 * Reads are synchronous: profiling showed the promise-based file handle (open, stat, read, close,
 * each a thread-pool round trip) costing more than the reads themselves for source-sized files, and
 * parsing, not the disk, is what a run waits on.
 */
export class SourceReader {
  /** Real path of each folder seen, so a symlinked folder costs one lookup, not one per file. */
  private readonly realFolders = new Map<string, string>();

  constructor(private readonly options: ReadSourceOptions) {}

  read(absolutePath: string): ReadOutcome {
    const { maxFileSize } = this.options;
    try {
      let stats = lstatSync(absolutePath);
      if (!this.staysInside(absolutePath, stats.isSymbolicLink())) {
        return { skipped: 'outside-workspace', message: 'is a symbolic link (or inside one) that leads outside the workspace; not followed' };
      }
      if (stats.isSymbolicLink()) stats = statSync(absolutePath);
      if (!stats.isFile()) return { skipped: 'unreadable', message: 'is not a regular file; skipped' };
      if (stats.size > maxFileSize) {
        return { skipped: 'too-large', message: `is ${stats.size} bytes, over the ${maxFileSize}-byte limit (maxFileSize); skipped` };
      }
      const buffer = readFileSync(absolutePath);
      // The size may have changed since the stat: the limit holds for what was actually read.
      if (buffer.length > maxFileSize)
        return { skipped: 'too-large', message: `is ${buffer.length} bytes, over the ${maxFileSize}-byte limit (maxFileSize); skipped` };
      if (buffer.subarray(0, BINARY_SNIFF_BYTES).includes(0)) return { skipped: 'binary', message: 'looks binary (contains NUL bytes); skipped' };
      let text: string;
      try {
        text = utf8.decode(buffer);
      } catch {
        return { skipped: 'not-utf8', message: 'is not valid UTF-8; skipped' };
      }
      return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
    } catch (error) {
      return { skipped: 'unreadable', message: `cannot be read (${describe(error)}); skipped` };
    }
  }

  /** @throws the file system's error when a path cannot be resolved; `read` turns it into a notice. */
  private staysInside(absolutePath: string, isLink: boolean): boolean {
    const root = this.options.realWorkspaceRoot;
    if (root === undefined) return true;
    const target = isLink ? realpathSync(absolutePath) : `${this.realFolder(dirname(absolutePath))}${sep}`;
    return target === root || target.startsWith(`${root}${sep}`);
  }

  /** @throws the file system's error when the folder cannot be resolved. */
  private realFolder(folder: string): string {
    let real = this.realFolders.get(folder);
    if (real === undefined) {
      real = realpathSync(folder);
      this.realFolders.set(folder, real);
    }
    return real;
  }
}

function describe(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
}
