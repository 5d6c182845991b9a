import { open, realpath } from 'node:fs/promises';
import { sep } from 'node:path';
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
 * Reads a source file as text, refusing what cannot be source code: directories, files over
 * `maxFileSize` (checked before reading, so a huge file costs nothing), binary content and
 * invalid UTF-8, and anything a symbolic link leads outside the workspace. Every refusal is
 * returned as a reason, never thrown.
 */
export async function readSource(absolutePath: string, options: ReadSourceOptions): Promise<ReadOutcome> {
  const { maxFileSize, realWorkspaceRoot } = options;
  let handle;
  try {
    if (realWorkspaceRoot !== undefined) {
      const target = await realpath(absolutePath);
      if (target !== realWorkspaceRoot && !target.startsWith(`${realWorkspaceRoot}${sep}`)) {
        return { skipped: 'outside-workspace', message: 'is a symbolic link (or inside one) that leads outside the workspace; not followed' };
      }
    }
    handle = await open(absolutePath, 'r');
  } catch (error) {
    return { skipped: 'unreadable', message: `cannot be read (${describe(error)}); skipped` };
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) return { skipped: 'unreadable', message: 'is not a regular file; skipped' };
    if (stats.size > maxFileSize) {
      return { skipped: 'too-large', message: `is ${stats.size} bytes, over the ${maxFileSize}-byte limit (maxFileSize); skipped` };
    }
    const buffer = await handle.readFile();
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
  } finally {
    await handle.close();
  }
}

function describe(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
}
