import { posix } from 'node:path';
import type { WorkspaceView } from '../../engine/workspace-view';
import { joinProjectPath, normalizeRoot, relativeToProject } from '../../engine/workspace-paths';

/** The manifests that declare a package's programs; the `enforce` target takes them as inputs. */
export const PROGRAM_MANIFESTS: readonly string[] = ['package.json', 'pyproject.toml'];

/** Where compilers put what `bin` points at, and where its source usually is instead. */
const OUTPUT_FOLDER = /^(?:dist|lib|build|out|esm|cjs)\//;
const SCRIPT_EXTENSION = /\.(?:[cm]?[jt]sx?)$/;

/**
 * Whether the package a file belongs to declares it a program: the `bin` entries of the nearest
 * package.json (also read through the compiler's output folder: `bin: "dist/cli.js"` declares
 * `src/cli.ts`), the files its `scripts` and Prisma's `seed` command run; or for Python the
 * modules of `[project.scripts]`, `[project.gui-scripts]` and `[tool.poetry.scripts]` in the nearest
 * pyproject.toml. A program's output is its interface, so
 * `console`/`print` there is the point. The search stops at `ceiling` (the file's project root under
 * Nx, whose inputs the manifests are; the workspace root otherwise).
 */
export function isDeclaredProgram(file: string, readFile: (path: string) => string | undefined, ceiling = ''): boolean {
  const python = file.endsWith('.py');
  const manifest = python ? 'pyproject.toml' : 'package.json';
  for (let folder = posix.dirname(file); ; folder = posix.dirname(folder)) {
    const base = normalizeRoot(folder);
    const text = readFile(joinProjectPath(base, manifest));
    if (text !== undefined) {
      const relativeFile = relativeToProject(base, file) ?? file;
      return python
        ? pythonScriptModules(text).some((module) => moduleFiles(module).includes(relativeFile))
        : programsOf(text).some((target) => declaresFile(target, relativeFile));
    }
    if (base === ceiling || base === '') return false;
  }
}

/**
 * The programs a package.json declares, without a leading `./`: its `bin` (a string or an object of
 * them), and the script files its `scripts` run (`tsx ./build/publish.ts`, `node scripts/x.mjs`).
 */
function programsOf(text: string): string[] {
  let manifest: { bin?: unknown; scripts?: unknown; prisma?: { seed?: unknown } };
  try {
    manifest = JSON.parse(text) as { bin?: unknown; scripts?: unknown; prisma?: { seed?: unknown } };
  } catch {
    return [];
  }
  // `null`, an array or a string parse too: no manifest there.
  if (manifest === null || typeof manifest !== 'object') return [];
  const { bin, scripts } = manifest;
  const values = typeof bin === 'string' ? [bin] : bin && typeof bin === 'object' ? Object.values(bin) : [];
  // Prisma's seed command (`"prisma": { "seed": "tsx ./seed-database.ts" }`) runs a program too.
  const commands = [...(scripts && typeof scripts === 'object' ? Object.values(scripts) : []), manifest.prisma?.seed];
  for (const command of commands) {
    if (typeof command !== 'string') continue;
    for (const word of command.split(/[\s;&|()=]+/)) if (SCRIPT_FILE_ARGUMENT.test(word)) values.push(word.replace(/^["']|["']$/g, ''));
  }
  return values.filter((value): value is string => typeof value === 'string').map((value) => posix.normalize(value).replace(/^\.\//, ''));
}

/** A relative path to a script file on a command line: not a flag, a URL or a glob. */
const SCRIPT_FILE_ARGUMENT = /^["']?(?:\.\/)?[\w@][\w.@/-]*\.[cm]?[jt]sx?["']?$/;

function declaresFile(target: string, file: string): boolean {
  if (target === file) return true;
  const stem = (path: string) => path.replace(SCRIPT_EXTENSION, '');
  if (!SCRIPT_EXTENSION.test(file)) return false;
  const fileStem = stem(file);
  const targetStem = stem(target);
  // dist/cli.js from src/cli.ts (rootDir src), or dist/src/cli.js from src/cli.ts (rootDir .).
  const source = targetStem.replace(OUTPUT_FOLDER, '');
  return fileStem === targetStem || fileStem === source || fileStem === `src/${source}`;
}

/** `name = "package.module:function"` entries of the script tables, as module names. */
function pythonScriptModules(text: string): string[] {
  const modules: string[] = [];
  let inScripts = false;
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line.startsWith('[')) {
      inScripts = /^\[\s*(?:project\.scripts|project\.gui-scripts|tool\.poetry\.scripts)\s*\]$/.test(line);
      continue;
    }
    if (!inScripts) continue;
    const entry = /^[\w.-]+\s*=\s*["']([\w.]+)(?::[\w.]+)?["']/.exec(line) ?? /^["'][^"']+["']\s*=\s*["']([\w.]+)(?::[\w.]+)?["']/.exec(line);
    if (entry) modules.push(entry[1]);
  }
  return modules;
}

/** Where a module's source can be, relative to the project: flat or `src/` layout, module or package. */
function moduleFiles(module: string): string[] {
  const path = module.split('.').join('/');
  return [`${path}.py`, `${path}/__init__.py`, `src/${path}.py`, `src/${path}/__init__.py`];
}

/** The folder the manifest search stops at: the file's project under Nx, the workspace root otherwise. */
export function projectRootOf(context: { file: string; workspace?: WorkspaceView }): string {
  return normalizeRoot(context.workspace?.projectOfFile(context.file)?.root);
}
