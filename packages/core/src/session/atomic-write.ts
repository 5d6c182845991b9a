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
 * Removes the temp files a killed writer left in `folder` (not below it), so they never end up in
 * a cached output. Call it only where no other writer is active, e.g. in a task's own output folder.
 */
export async function removeStaleTempFiles(folder: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return;
  }
  const stale = /\.\d+\.[0-9a-f]{8}\.tmp$/;
  await Promise.all(names.filter((name) => stale.test(name)).map((name) => rm(join(folder, name), { force: true })));
}
