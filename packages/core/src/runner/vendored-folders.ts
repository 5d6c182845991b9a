import { readdirSync } from 'node:fs';
import { join, posix } from 'node:path';

/** A licence file of its own marks a folder as somebody else's code, copied in. */
export const LICENSE_FILES: readonly string[] = ['LICENSE', 'LICENCE', 'COPYING'];
/** Files that make a folder a package or project of its own, whose licence is the team's. */
const PACKAGE_MANIFESTS = new Set(['package.json', 'project.json', 'pyproject.toml', 'setup.py', 'setup.cfg']);

/**
 * Copied third-party libraries recognised by their folder: one that carries its own `LICENSE`
 * (`COPYING`) but is no package of its own (no package.json, project.json, pyproject.toml, setup.py),
 * as black's fork of lib2to3 in `src/blib2to3/`. The workspace root's licence is the team's. Each
 * folder is listed once per run.
 */
export class VendoredFolders {
  private readonly verdicts = new Map<string, string | undefined>();

  constructor(private readonly workspaceRoot: string) {}

  /** The licence file (workspace-relative) that marks the file's folder as vendored, if any. */
  licenseOf(file: string): string | undefined {
    const folder = posix.dirname(file);
    return folder === '.' ? undefined : this.folderLicense(folder);
  }

  private folderLicense(folder: string): string | undefined {
    if (this.verdicts.has(folder)) return this.verdicts.get(folder);
    let names: Set<string>;
    try {
      names = new Set(readdirSync(join(this.workspaceRoot, folder)));
    } catch {
      names = new Set();
    }
    let verdict: string | undefined;
    if (![...PACKAGE_MANIFESTS].some((name) => names.has(name))) {
      const license = LICENSE_FILES.find((name) => names.has(name));
      const parent = posix.dirname(folder);
      verdict = license !== undefined ? `${folder}/${license}` : parent === '.' ? undefined : this.folderLicense(parent);
    }
    this.verdicts.set(folder, verdict);
    return verdict;
  }
}
