import { opendir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

/** Every project's `report.json` under the output folder (not the summary's own folder), sorted. */
export async function findReportFiles(outputRoot: string, workspaceRoot: string): Promise<Array<{ path: string; displayPath: string }>> {
  const found: string[] = [];
  const walk = async (folder: string): Promise<void> => {
    let directory;
    try {
      directory = await opendir(folder);
    } catch {
      return; // no output folder yet: nothing ran
    }
    for await (const entry of directory) {
      const path = join(folder, entry.name);
      if (entry.isDirectory() && !(folder === outputRoot && entry.name === 'summary')) await walk(path);
      else if (entry.isFile() && entry.name === 'report.json') found.push(path);
    }
  };
  await walk(outputRoot);
  return found.sort().map((path) => ({ path, displayPath: relative(workspaceRoot, path).split(sep).join('/') }));
}
