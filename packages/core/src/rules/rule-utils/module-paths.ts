import { posix } from 'node:path';
import { ts } from 'ts-morph';
import type { WorkspaceView } from '../../engine/workspace-view';

/** The root tsconfig files whose `compilerOptions.paths` name the workspace's path aliases, first found wins. */
export const ROOT_TSCONFIG_FILES: readonly string[] = ['tsconfig.base.json', 'tsconfig.json'];

type ReadFile = (path: string) => string | undefined;

interface PathAliases {
  /** `[alias, targets]`, targets workspace-relative; an alias may end in `/*`. */
  entries: ReadonlyArray<readonly [string, readonly string[]]>;
}

// One or two root tsconfig texts are alive in a run: a tiny cache keyed by the text cannot go stale.
const parsedAliases = new Map<string, PathAliases>();
const CACHE_SIZE = 4;

/**
 * The path aliases of the workspace's root tsconfig (`compilerOptions.paths`, relative to its
 * `baseUrl`). Reading goes through `readFile`, so under the engine every tsconfig read is a
 * dependency of the result.
 */
export function rootPathAliases(readFile: ReadFile): PathAliases {
  for (const file of ROOT_TSCONFIG_FILES) {
    const text = readFile(file);
    if (text === undefined) continue;
    let aliases = parsedAliases.get(text);
    if (!aliases) {
      aliases = parseAliases(file, text);
      if (parsedAliases.size >= CACHE_SIZE) parsedAliases.delete(parsedAliases.keys().next().value as string);
      parsedAliases.set(text, aliases);
    }
    if (aliases.entries.length > 0) return aliases;
  }
  return { entries: [] };
}

function parseAliases(file: string, text: string): PathAliases {
  const { config } = ts.parseConfigFileTextToJson(file, text);
  const options = (config as { compilerOptions?: { paths?: unknown; baseUrl?: unknown } } | undefined)?.compilerOptions;
  const paths = options?.paths;
  if (paths === null || typeof paths !== 'object' || Array.isArray(paths)) return { entries: [] };
  const baseUrl = typeof options?.baseUrl === 'string' ? options.baseUrl : '.';
  const entries: Array<readonly [string, readonly string[]]> = [];
  for (const [alias, targets] of Object.entries(paths as Record<string, unknown>)) {
    if (!Array.isArray(targets)) continue;
    const relative = targets.filter((target): target is string => typeof target === 'string').map((target) => posix.normalize(posix.join(posix.dirname(file), baseUrl, target)));
    entries.push([alias, relative]);
  }
  // The longest alias first: `@app/dtos/*` before `@app/*`, as TypeScript matches the longest prefix.
  entries.sort(([a], [b]) => b.length - a.length);
  return { entries };
}

/**
 * The workspace-relative path an import specifier points at, without resolving the extension
 * (`apps/api/src/users/user.dto`): relative specifiers from the importing file, others through the
 * root tsconfig's path aliases. Undefined for a package import (or an alias into `node_modules`).
 */
export function resolveModulePath(specifier: string, fromFile: string, readFile: ReadFile): string | undefined {
  if (specifier === '.' || specifier === '..' || specifier.startsWith('./') || specifier.startsWith('../')) {
    return posix.normalize(posix.join(posix.dirname(fromFile), specifier));
  }
  for (const [alias, targets] of rootPathAliases(readFile).entries) {
    const wildcard = alias.endsWith('/*');
    const matches = wildcard ? specifier.startsWith(alias.slice(0, -1)) : specifier === alias;
    const target = targets[0];
    if (!matches || target === undefined) continue;
    const path = wildcard ? target.replace('*', specifier.slice(alias.length - 1)) : target;
    return path.split('/').includes('node_modules') || path.startsWith('../') ? undefined : path;
  }
  return undefined;
}

/** The source file an import resolves to (`x.ts`, `x.tsx`, `x/index.ts`; `./x.js` means `x.ts`), with its text. */
export function readModule(target: string, readFile: ReadFile): { path: string; text: string } | undefined {
  const stem = target.replace(/\.(?:[cm]?js|jsx)$/, '');
  const candidates = /\.(?:[cm]?ts|tsx)$/.test(target) ? [target] : [`${stem}.ts`, `${stem}.tsx`, `${stem}/index.ts`];
  for (const path of candidates) {
    const text = readFile(path);
    if (text !== undefined) return { path, text };
  }
  return undefined;
}

export interface DeclarationHost {
  /** The importing file, workspace-relative. */
  file: string;
  readFile(path: string): string | undefined;
  /** Under Nx: files of other projects are not this task's inputs and are not read. */
  workspace?: Pick<WorkspaceView, 'projectOfFile'>;
}

// Decorator factories are read for every file that uses them: their text is kept per path while unchanged.
const declarations = new Map<string, { text: string; found: Map<string, string | undefined> }>();
const DECLARATIONS_CACHED = 128;

/**
 * The source text of the function or constant a module exports under `name` (`export function
 * RequiresScope(...) { ... }`, `export const Auth = () => ...`), read from the file an import of
 * `specifier` in `host.file` resolves to. Undefined when it cannot be read (a package, another
 * project under Nx, no such export).
 */
export function exportedDeclarationText(host: DeclarationHost, specifier: string, name: string): string | undefined {
  const target = resolveModulePath(specifier, host.file, host.readFile);
  if (target === undefined) return undefined;
  if (host.workspace && host.workspace.projectOfFile(target) !== host.workspace.projectOfFile(host.file)) return undefined;
  const module = readModule(target, host.readFile);
  if (!module) return undefined;
  let entry = declarations.get(module.path);
  if (!entry || entry.text !== module.text) {
    entry = { text: module.text, found: new Map() };
    if (declarations.size >= DECLARATIONS_CACHED) declarations.delete(declarations.keys().next().value as string);
    declarations.set(module.path, entry);
  }
  if (!entry.found.has(name)) entry.found.set(name, findDeclarationText(module.path, module.text, name));
  return entry.found.get(name);
}

function findDeclarationText(path: string, text: string, name: string): string | undefined {
  const sourceFile = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  for (const statement of sourceFile.statements) {
    if (ts.isFunctionDeclaration(statement) && statement.name?.text === name) return statement.getText(sourceFile);
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      if (ts.isIdentifier(declaration.name) && declaration.name.text === name) return declaration.getText(sourceFile);
    }
  }
  return undefined;
}
