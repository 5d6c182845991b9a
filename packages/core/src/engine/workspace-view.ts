import { createHash } from 'node:crypto';
import { posix } from 'node:path';
import { stableStringify } from '../json/stable-stringify';
import { isInsideRoot, isWorkspaceRoot } from './workspace-paths';

/** A project as the engine needs to know it for cross-project rules; supplied by the Nx adapter. */
export interface WorkspaceProject {
  name: string;
  /** Posix, relative to the workspace root; `.` for a root project. */
  root: string;
  tags: string[];
  /** The npm package name other projects import it by, if any. */
  packageName?: string;
  /** The package's `exports` map: subpaths listed there are public, not deep imports. */
  packageExports?: unknown;
  /**
   * The projects it depends on in Nx's graph, by name. Given, a rule checking its files reads only
   * theirs besides its own (they are the enforce target's `^` inputs); absent (the CLI, which has no
   * task inputs to keep to), any project's.
   */
  dependencies?: readonly string[];
}

export interface ResolvedImport {
  project: WorkspaceProject;
  /** The import reaches into the project's files instead of its public entry point. */
  deep: boolean;
}

/** The workspace's projects, and how an import specifier maps to one of them. */
export interface WorkspaceView {
  projectOfFile(file: string): WorkspaceProject | undefined;
  /** The project an import in `fromFile` resolves to, when it is another workspace project. */
  resolveImport(specifier: string, fromFile: string): ResolvedImport | undefined;
  /**
   * Whether a rule checking `fromFile` may read `file` for rules that read other projects
   * (`meta.readsDependencies`): a file of the same project, or of a project it depends on; any file
   * of a project when the graph is not known; a file outside every project only from another such file.
   */
  mayRead(fromFile: string, file: string): boolean;
  /** A project's dependencies as given (`WorkspaceProject.dependencies`), by its name. */
  dependenciesOf(project: string): readonly string[] | undefined;
  /**
   * Hash of everything the view answers from but the graph's edges: a file's result may be reused
   * only while it and the checked project's `dependenciesOf` are unchanged.
   */
  readonly digest?: string;
  /** What the view was made from (createWorkspaceView's input): a worker thread makes the same view from it. */
  readonly input?: WorkspaceViewInput;
}

export interface WorkspaceViewInput {
  projects: readonly WorkspaceProject[];
  /** TypeScript path aliases (`compilerOptions.paths` of the root tsconfig), targets workspace-relative. */
  pathAliases?: Record<string, readonly string[]>;
}

/**
 * Resolves imports without touching the file system: relative paths by project roots, path
 * aliases by their first target, bare specifiers by package names (longest match first).
 */
export function createWorkspaceView(input: WorkspaceViewInput): WorkspaceView {
  const byDepth = [...input.projects].sort((a, b) => depth(b.root) - depth(a.root));
  const byPackageName = input.projects
    .filter((project) => project.packageName)
    .sort((a, b) => (b.packageName as string).length - (a.packageName as string).length);
  const aliases = Object.entries(input.pathAliases ?? {});

  const projectOfFile = (file: string): WorkspaceProject | undefined => byDepth.find((project) => isInsideRoot(project.root, file));

  const resolveImport = (specifier: string, fromFile: string): ResolvedImport | undefined => {
    const source = projectOfFile(fromFile);
    const resolved = resolveSpecifier(specifier, fromFile);
    if (!resolved || resolved.project === source) return undefined;
    return resolved;
  };

  const resolveSpecifier = (specifier: string, fromFile: string): ResolvedImport | undefined => {
    if (specifier.startsWith('./') || specifier.startsWith('../') || specifier === '.' || specifier === '..') {
      const target = projectOfFile(posix.normalize(posix.join(posix.dirname(fromFile), specifier)));
      // A relative path into another project always bypasses its entry point.
      return target ? { project: target, deep: true } : undefined;
    }
    for (const [alias, targets] of aliases) {
      const wildcard = alias.endsWith('/*');
      const matches = wildcard ? specifier.startsWith(alias.slice(0, -1)) : specifier === alias;
      if (!matches || targets.length === 0) continue;
      const target = projectOfFile(posix.normalize(targets[0].replace('*', wildcard ? specifier.slice(alias.length - 1) : '')));
      if (target) return { project: target, deep: wildcard };
    }
    for (const project of byPackageName) {
      const name = project.packageName as string;
      if (specifier === name) return { project, deep: false };
      if (specifier.startsWith(`${name}/`)) return { project, deep: !isExportedSubpath(project.packageExports, specifier.slice(name.length + 1)) };
    }
    return undefined;
  };

  const mayRead = (fromFile: string, file: string): boolean => {
    const source = projectOfFile(fromFile);
    const owner = projectOfFile(file);
    if (owner === source) return true;
    if (!owner) return false;
    return source?.dependencies === undefined || source.dependencies.includes(owner.name);
  };

  const dependenciesOf = (name: string) => input.projects.find((project) => project.name === name)?.dependencies;

  return { projectOfFile, resolveImport, mayRead, dependenciesOf, digest: digestOf(input), input };
}

/**
 * Everything the view answers from but the graph's edges: they change with any import anywhere, and
 * a checked project's results depend only on its own (see `dependenciesOf`), which a stored result's
 * key takes separately.
 */
function digestOf(input: WorkspaceViewInput): string {
  const projects = [...input.projects]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map(({ dependencies: _dependencies, ...project }) => project);
  return createHash('sha256')
    .update(stableStringify({ projects, pathAliases: input.pathAliases ?? {} }, 0))
    .digest('hex')
    .slice(0, 20);
}

function depth(root: string): number {
  return isWorkspaceRoot(root) ? -1 : root.split('/').length;
}

/** Without an `exports` map only `src/…` subpaths count as internal; with one, only listed subpaths are public. */
function isExportedSubpath(exports: unknown, subpath: string): boolean {
  if (exports === undefined || exports === null || typeof exports !== 'object' || Array.isArray(exports)) return !/^(src|lib)\//.test(subpath);
  const key = `./${subpath}`;
  return Object.keys(exports as object).some((entry) => {
    if (entry === key) return true;
    const star = entry.indexOf('*');
    return star !== -1 && key.startsWith(entry.slice(0, star)) && key.endsWith(entry.slice(star + 1));
  });
}
