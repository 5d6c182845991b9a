import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** The plugin's published sources (specs and test helpers are not published). */
function publishedSources(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) return publishedSources(join(folder, entry.name));
    return /\.ts$/.test(entry.name) && !/\.spec\.ts$/.test(entry.name) ? [join(folder, entry.name)] : [];
  });
}

/** Every module specifier a file names: static and dynamic imports, exports, require and require.resolve. */
function specifiers(source: string): string[] {
  return [...source.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\brequire(?:\.resolve)?\s*\(\s*)(['"`])([^'"`$]+)\1/g)].map((match) => match[2]);
}

/** Public: `@nx/devkit` itself, and package manifests (metadata, exported by every Nx). */
const isPublicNx = (specifier: string) => specifier === '@nx/devkit' || /^(nx|@nx\/devkit)\/package\.json$/.test(specifier);
const isNx = (specifier: string) => specifier === 'nx' || specifier.startsWith('nx/') || specifier.startsWith('@nx/');

describe('Nx API used by the published plugin', () => {
  const root = __dirname;

  it('should import only the public entry of @nx/devkit: no @nx/devkit/internal, nx/src/... or other private path', () => {
    const offenders = publishedSources(root).flatMap((file) =>
      specifiers(readFileSync(file, 'utf8'))
        .filter((specifier) => isNx(specifier) && !isPublicNx(specifier))
        .map((specifier) => `${relative(root, file)}: ${specifier}`),
    );
    expect(offenders).toEqual([]);
  });

  it('should find the imports it checks (a scanner that finds nothing would pass any code)', () => {
    expect(
      specifiers("import { a } from '@nx/devkit/internal';\nconst b = require(\"nx/src/x\");\nexport * from 'nx/src/y';\nawait import('@nx/js');"),
    ).toEqual(['@nx/devkit/internal', 'nx/src/x', 'nx/src/y', '@nx/js']);
    const all = publishedSources(root).flatMap((file) => specifiers(readFileSync(file, 'utf8')));
    expect(all).toContain('@nx/devkit');
  });

  it('should export the plugin under both names Nx reads: createNodesV2 first on Nx 21 and 22, createNodes first from 23', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const plugin = require('./index') as Record<string, unknown>;
    expect(plugin.createNodes).toBeDefined();
    expect(plugin.createNodesV2).toBe(plugin.createNodes);
    expect(plugin.postTasksExecution).toEqual(expect.any(Function));
  });
});
