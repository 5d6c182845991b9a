import { posix } from 'node:path';
import { parse } from 'jsonc-parser';
import { ts } from '../../../lazy/typescript';
import { projectPathPrefix } from '../../engine/workspace-paths';
import type { WorkspaceView } from '../../engine/workspace-view';
import { defineTextService, type TextService } from '../../engine/rule-services';

/** The root tsconfig files whose `compilerOptions.paths` name the workspace's path aliases, first found wins. */
export const ROOT_TSCONFIG_FILES: readonly string[] = ['tsconfig.base.json', 'tsconfig.json'];

/**
 * The `meta` of a rule that follows imports into other modules (DTOs, services, decorator
 * factories): it reads the root tsconfig's path aliases and the projects its project depends on.
 */
export const FOLLOWS_IMPORTS = { reads: ROOT_TSCONFIG_FILES, readsDependencies: true } as const;

type ReadFile = (path: string) => string | undefined;

/**
 * How rule utilities read other files: through the rule's context, so that every read is a
 * dependency, deriving what they parse once per run (`context.derive`).
 */
export interface FileAccess {
  readFile(path: string): string | undefined;
  /** Without it (outside a rule), values are derived on every call. */
  derive?<T>(service: TextService<T>, path: string, text: string): T;
}

/** A value derived from a read text: once per run through a rule's context, else now. */
export function derived<T>(files: FileAccess, service: TextService<T>, path: string, text: string): T {
  return files.derive ? files.derive(service, path, text) : service.derive(path, text);
}

interface PathAliases {
  /** `[alias, targets]`, targets workspace-relative; an alias may end in `/*`. */
  entries: ReadonlyArray<readonly [string, readonly string[]]>;
}

// One or two root tsconfig files are read in a run.
const pathAliases = defineTextService('tsconfig path aliases', 4, (path, text) => parseAliases(path, text));

/**
 * The path aliases of the workspace's root tsconfig (`compilerOptions.paths`, relative to its
 * `baseUrl`). Reading goes through `readFile`, so under the engine every tsconfig read is a
 * dependency of the result.
 */
export function rootPathAliases(files: FileAccess): PathAliases {
  for (const file of ROOT_TSCONFIG_FILES) {
    const text = files.readFile(file);
    if (text === undefined) continue;
    const aliases = derived(files, pathAliases, file, text);
    if (aliases.entries.length > 0) return aliases;
  }
  return { entries: [] };
}

function parseAliases(file: string, text: string): PathAliases {
  // JSON with comments and trailing commas, as TypeScript reads it; jsonc-parser rather than
  // TypeScript's reader, which would load TypeScript in a run that parses no file.
  const config: unknown = parse(text, [], { allowTrailingComma: true });
  const options = (config as { compilerOptions?: { paths?: unknown; baseUrl?: unknown } } | undefined)?.compilerOptions;
  const paths = options?.paths;
  if (paths === null || typeof paths !== 'object' || Array.isArray(paths)) return { entries: [] };
  const baseUrl = typeof options?.baseUrl === 'string' ? options.baseUrl : '.';
  const entries: Array<readonly [string, readonly string[]]> = [];
  for (const [alias, targets] of Object.entries(paths as Record<string, unknown>)) {
    if (!Array.isArray(targets)) continue;
    const relative = targets
      .filter((target): target is string => typeof target === 'string')
      .map((target) => posix.normalize(posix.join(posix.dirname(file), baseUrl, target)));
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
export function resolveModulePath(specifier: string, fromFile: string, files: FileAccess): string | undefined {
  if (specifier === '.' || specifier === '..' || specifier.startsWith('./') || specifier.startsWith('../')) {
    return posix.normalize(posix.join(posix.dirname(fromFile), specifier));
  }
  for (const [alias, targets] of rootPathAliases(files).entries) {
    const wildcard = alias.endsWith('/*');
    const matches = wildcard ? specifier.startsWith(alias.slice(0, -1)) : specifier === alias;
    const target = targets[0];
    if (!matches || target === undefined) continue;
    const path = wildcard ? target.replace('*', specifier.slice(alias.length - 1)) : target;
    return path.split('/').includes('node_modules') || path.startsWith('../') ? undefined : path;
  }
  return undefined;
}

export interface ModuleHost extends FileAccess {
  /** The importing file, workspace-relative. */
  file: string;
  /** The file being checked, when the import is in a module read for it: its project decides what may be read. */
  checkedFile?: string;
  /** The workspace's projects: imports of workspace packages by name, and which files may be read. */
  workspace?: Pick<WorkspaceView, 'projectOfFile' | 'resolveImport' | 'mayRead'>;
}

export type ModuleResolution = { module: { path: string; text: string } } | { unresolved: 'package' | 'missing' | { project: string } };

/**
 * The source an import in `host.file` leads to, for rules that read other projects' code
 * (`meta.readsDependencies`): a relative path, a root tsconfig path alias, or a workspace package
 * by name (its `package.json` entry when that is a TypeScript source, else `src/index.ts` or
 * `index.ts`). A file the workspace does not let the rule read (`WorkspaceView.mayRead`) is
 * unresolved, naming its project.
 */
export function resolveModule(host: ModuleHost, specifier: string): ModuleResolution {
  const target = resolveModulePath(specifier, host.file, host);
  const candidates = target !== undefined ? [target] : workspacePackageEntries(host, specifier);
  if (candidates.length === 0) return { unresolved: 'package' };
  for (const candidate of candidates) {
    const owner = host.workspace?.projectOfFile(candidate);
    if (host.workspace && !host.workspace.mayRead(host.checkedFile ?? host.file, candidate)) return { unresolved: owner ? { project: owner.name } : 'missing' };
    const module = readModule(candidate, host.readFile);
    if (module) return { module };
  }
  return { unresolved: 'missing' };
}

/** Where a workspace package's sources may start, for `@acme/contracts` or `@acme/contracts/dto`. */
function workspacePackageEntries(host: ModuleHost, specifier: string): string[] {
  const project = host.workspace?.resolveImport(specifier, host.file)?.project;
  const name = project?.packageName;
  if (!project || name === undefined) return [];
  const root = projectPathPrefix(project.root);
  if (specifier !== name) {
    const subpath = specifier.slice(name.length + 1);
    return [`${root}src/${subpath}`, `${root}${subpath}`];
  }
  const entries: string[] = [];
  const manifest = host.readFile(`${root}package.json`);
  if (manifest !== undefined) {
    try {
      const json = JSON.parse(manifest) as Record<string, unknown>;
      const dot = typeof json.exports === 'object' && json.exports !== null ? (json.exports as Record<string, unknown>)['.'] : json.exports;
      const fromExports = typeof dot === 'string' ? [dot] : typeof dot === 'object' && dot !== null ? Object.values(dot as Record<string, unknown>) : [];
      for (const field of [json.source, json.types, json.typings, json.main, json.module, ...fromExports]) {
        if (typeof field === 'string' && /\.(?:[cm]?ts|tsx)$/.test(field) && !/\.d\.[cm]?ts$/.test(field)) entries.push(posix.normalize(`${root}${field}`));
      }
    } catch {
      // An unreadable manifest leaves the conventional entries.
    }
  }
  return [...new Set([...entries, `${root}src/index`, `${root}index`])];
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

// Decorator factories are read for every file that uses them: what a module says of a name is kept per path while unchanged.
const declarations = defineTextService('exported declarations', 128, () => new Map<string, Declared>());
/** Barrels with more `export *` lines than this are not searched: each one costs a read. */
export const MAX_STAR_EXPORTS = 10;

/** A declaration's text, or the modules that may re-export the name (`export * from './x'`, `export { X } from './x'`). */
type Declared = { text: string } | { from: Array<{ specifier: string; name: string }> } | undefined;

/**
 * The source text of the function or constant a module exports under `name` (`export function
 * RequiresScope(...) { ... }`, `export const Auth = () => ...`), read from the file an import of
 * `specifier` in `host.file` resolves to (`resolveModule`), through one barrel (`export * from
 * './x'`). Undefined when it cannot be read (a package, a project it may not read, no such export).
 */
export function exportedDeclarationText(host: ModuleHost, specifier: string, name: string, hopsLeft = 1): string | undefined {
  const resolved = resolveModule(host, specifier);
  if (!('module' in resolved)) return undefined;
  const { module } = resolved;
  const found = derived(host, declarations, module.path, module.text);
  if (!found.has(name)) found.set(name, findDeclaration(module.path, module.text, name));
  const declared = found.get(name);
  if (declared === undefined || 'text' in declared) return declared?.text;
  if (hopsLeft === 0 || declared.from.length > MAX_STAR_EXPORTS) return undefined;
  for (const next of declared.from) {
    const text = exportedDeclarationText({ ...host, file: module.path, checkedFile: host.checkedFile ?? host.file }, next.specifier, next.name, hopsLeft - 1);
    if (text !== undefined) return text;
  }
  return undefined;
}

function findDeclaration(path: string, text: string, name: string): Declared {
  const sourceFile = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const from: Array<{ specifier: string; name: string }> = [];
  for (const statement of sourceFile.statements) {
    if (ts.isFunctionDeclaration(statement) && statement.name?.text === name) return { text: statement.getText(sourceFile) };
    if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)) {
      const clause = statement.exportClause;
      if (clause === undefined) from.push({ specifier: statement.moduleSpecifier.text, name });
      else if (ts.isNamedExports(clause)) {
        const element = clause.elements.find((candidate) => candidate.name.text === name);
        if (element) return { from: [{ specifier: statement.moduleSpecifier.text, name: (element.propertyName ?? element.name).text }] };
      }
    }
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      if (ts.isIdentifier(declaration.name) && declaration.name.text === name) return { text: declaration.getText(sourceFile) };
    }
  }
  return from.length > 0 ? { from } : undefined;
}
