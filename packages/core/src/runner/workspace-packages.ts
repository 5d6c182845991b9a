import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import picomatch from 'picomatch';

/**
 * Which `package.json` files are projects, decided as Nx's own package.json plugin does: the
 * package manager's workspaces globs (package.json `workspaces`, pnpm-workspace.yaml `packages`,
 * lerna.json `packages`), plus the root package.json when it has an `nx` key.
 *
 * Nx exposes this only on private paths (devkit's internal entry since 23.2, nx's sources before),
 * which change between minor versions: importing them broke every Nx command on 23.0 and 23.1. So
 * it is re-implemented here on the files themselves.
 */
export function workspacePackageMatcher(workspaceRoot: string): (packageJsonPath: string) => boolean {
  const patterns = workspacePackagePatterns(workspaceRoot);
  const positive = patterns.filter((pattern) => !pattern.startsWith('!'));
  const negative = patterns.filter((pattern) => pattern.startsWith('!')).map((pattern) => pattern.slice(1));
  // Only exclusions (or only the root): Nx reads them as "every package.json but these".
  if (negative.length > 0 && (positive.length === 0 || (positive.length === 1 && positive[0] === 'package.json'))) positive.push('**/package.json');
  const included = positive.length === 0 ? () => false : picomatch(positive);
  const excluded = negative.length === 0 ? () => false : picomatch(negative);
  return (path) => included(path) && !excluded(path);
}

/** The workspaces globs, each ending in `package.json`, negations kept as `!glob`. */
export function workspacePackagePatterns(workspaceRoot: string): string[] {
  const packageJson = readJson(join(workspaceRoot, 'package.json')) as { workspaces?: string[] | { packages?: string[] }; nx?: unknown } | undefined;
  if (packageJson === undefined) return [];
  const workspaces = packageJson.workspaces;
  const patterns = [...(Array.isArray(workspaces) ? workspaces : (workspaces?.packages ?? []))];
  const pnpmWorkspace = readText(join(workspaceRoot, 'pnpm-workspace.yaml'));
  if (pnpmWorkspace !== undefined) patterns.push(...readYamlList(pnpmWorkspace, 'packages'));
  const lernaJson = join(workspaceRoot, 'lerna.json');
  if (existsSync(lernaJson)) {
    const lernaPackages = (readJson(lernaJson) as { packages?: string[] } | undefined)?.packages;
    patterns.push(...(lernaPackages !== undefined && lernaPackages.length > 0 ? lernaPackages : ['packages/*']));
  }
  const normalised = patterns.filter((pattern) => typeof pattern === 'string').map(toPackageJsonGlob);
  return packageJson.nx ? [...normalised, 'package.json'] : normalised;
}

function toPackageJsonGlob(pattern: string): string {
  const negated = pattern.startsWith('!');
  let glob = (negated ? pattern.slice(1) : pattern).replace(/^\.\//, '').replace(/\/+$/, '');
  if (!glob.endsWith('package.json')) glob = glob === '' ? 'package.json' : `${glob}/package.json`;
  return negated ? `!${glob}` : glob;
}

/**
 * The string items of a top-level YAML sequence, in block (`- item`) or flow (`[a, b]`) style: all
 * pnpm-workspace.yaml's `packages` ever is. Anything else in the file is skipped.
 */
export function readYamlList(text: string, key: string): string[] {
  const lines = text.split(/\r?\n/);
  const start = lines.findIndex((line) => new RegExp(`^${key}\\s*:`).test(line));
  if (start === -1) return [];
  const rest = lines[start]
    .replace(new RegExp(`^${key}\\s*:`), '')
    .replace(/\s+#.*$/, '')
    .trim();
  if (rest.startsWith('['))
    return rest
      .replace(/^\[|\]$/g, '')
      .split(',')
      .map(unquote)
      .filter((item) => item !== '');
  const items: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (/^\s*(#.*)?$/.test(line)) continue;
    const item = /^\s+-\s*(.*?)\s*$/.exec(line);
    if (item === null) break;
    items.push(unquote(item[1].replace(/\s+#.*$/, '')));
  }
  return items.filter((item) => item !== '');
}

function unquote(text: string): string {
  const trimmed = text.trim();
  return /^(['"]).*\1$/.test(trimmed) ? trimmed.slice(1, -1) : trimmed;
}

/** A missing or unreadable file reads as absent: Nx's own package.json plugin does the same. */
function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

function readJson(path: string): unknown {
  const text = readText(path);
  try {
    return text === undefined ? undefined : (JSON.parse(text) as unknown);
  } catch {
    return undefined;
  }
}
