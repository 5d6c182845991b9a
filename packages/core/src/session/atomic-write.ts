import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';

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
  const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}${TEMP_SUFFIX}`;
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
