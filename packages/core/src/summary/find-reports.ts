import { existsSync } from 'node:fs';
import { opendir, readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { PROJECTS_FOLDER, REPORT_FILE, SUMMARY_FOLDER } from '../output-names';
import { projectRootOfFolder } from './output-layout';

/** A project's report: where it is, how to name it, and (in the projects layout) the project's root. */
export interface ReportFile {
  path: string;
  displayPath: string;
  projectRoot?: string;
}

/**
 * Every project's `report.json` under the output folder, sorted. In the projects layout
 * (`<outputRoot>/projects/<folder>/`), one per project folder, present or not: a folder whose task
 * left no report (it failed before writing) is listed, so the summary names it unreadable instead
 * of leaving it out; folders of projects whose root no longer exists in the workspace are skipped.
 * Any other folder is searched for `report.json` files (reports written with `enforcer check --output`).
 */
export async function findReportFiles(outputRoot: string, workspaceRoot: string): Promise<ReportFile[]> {
  const projectsFolder = join(outputRoot, PROJECTS_FOLDER);
  const display = (path: string) => relative(workspaceRoot, path).split(sep).join('/');
  if (existsSync(projectsFolder)) {
    const reports: ReportFile[] = [];
    for (const entry of await readdir(projectsFolder, { withFileTypes: true })) {
      const projectRoot = projectRootOfFolder(entry.name);
      if (!entry.isDirectory() || projectRoot === undefined || !existsSync(join(workspaceRoot, projectRoot))) continue;
      const path = join(projectsFolder, entry.name, REPORT_FILE);
      reports.push({ path, displayPath: display(path), projectRoot });
    }
    return reports.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }
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
      if (entry.isDirectory() && !(folder === outputRoot && entry.name === SUMMARY_FOLDER)) await walk(path);
      else if (entry.isFile() && entry.name === REPORT_FILE) found.push(path);
    }
  };
  await walk(outputRoot);
  return found.sort().map((path) => ({ path, displayPath: display(path) }));
}
