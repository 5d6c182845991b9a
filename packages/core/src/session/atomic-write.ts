import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';
import { mkdir, open, readdir, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { stableJsonPieces } from '../json/stable-json-pieces';

const TEMP_SUFFIX = '.tmp';

/**
 * Writes a file so that readers (and a process killed mid-write) only ever see the old or the new
 * complete content: write a temp file beside it, fsync, then rename over the target.
 *
 * @throws the file system's error when the folder cannot be created or the file written; the
 *   caller decides whether a lost write fails the run.
 */
export async function writeFileAtomic(path: string, content: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = tempPathOf(path);
  try {
    const handle = await open(temp, 'w');
    try {
      await handle.writeFile(content, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** Pieces are gathered up to this many characters per write. */
const WRITE_SIZE = 1 << 20;

/**
 * Writes `value` as `stableStringify(value, indent)` would, atomically as writeFileAtomic does, a
 * megabyte at a time: the whole text is never one string in memory (see stableJsonPieces).
 */
export async function writeJsonAtomic(path: string, value: unknown, indent = 2): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = tempPathOf(path);
  try {
    const fd = openSync(temp, 'w');
    try {
      let pending: string[] = [];
      let size = 0;
      const flush = () => {
        const bytes = Buffer.from(pending.join(''), 'utf8');
        // A write may take less than it was given; the rest goes in the next.
        for (let written = 0; written < bytes.length;) written += writeSync(fd, bytes, written);
        pending = [];
        size = 0;
      };
      stableJsonPieces(value, indent, (piece) => {
        pending.push(piece);
        size += piece.length;
        if (size >= WRITE_SIZE) flush();
      });
      flush();
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

function tempPathOf(path: string): string {
  return `${path}.${process.pid}.${randomBytes(4).toString('hex')}${TEMP_SUFFIX}`;
}

/**
 * Removes the temp files that killed writers left in `folder` (not below it), so they never end up
 * in a cached output. A temp file whose writer (by the pid in its name) is still alive is left
 * alone: two runs of one project at once must not break each other's writes.
 */
export async function removeStaleTempFiles(folder: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return;
  }
  const temp = /\.(\d+)\.[0-9a-f]{8}\.tmp$/;
  const stale = names.filter((name) => {
    const pid = temp.exec(name)?.[1];
    return pid !== undefined && !isAlive(Number(pid));
  });
  await Promise.all(stale.map((name) => rm(join(folder, name), { force: true })));
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
