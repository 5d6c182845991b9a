import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readYamlList, workspacePackageMatcher, workspacePackagePatterns } from './workspace-packages';

describe('workspace packages', () => {
  const folders: string[] = [];
  const workspace = (files: Record<string, string | object>): string => {
    const root = mkdtempSync(join(tmpdir(), 'enforcer-workspaces-'));
    folders.push(root);
    for (const [path, content] of Object.entries(files)) writeFileSync(join(root, path), typeof content === 'string' ? content : JSON.stringify(content));
    return root;
  };
  afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

  it('should read npm and yarn workspaces, in array and object form, as package.json globs', () => {
    expect(workspacePackagePatterns(workspace({ 'package.json': { workspaces: ['packages/*', './apps/web/', 'libs/**/package.json'] } }))).toEqual([
      'packages/*/package.json',
      'apps/web/package.json',
      'libs/**/package.json',
    ]);
    expect(workspacePackagePatterns(workspace({ 'package.json': { workspaces: { packages: ['packages/*'] } } }))).toEqual(['packages/*/package.json']);
  });

  it("should read pnpm-workspace.yaml's packages, in block and flow style, with quotes, comments and negations", () => {
    const yaml = "# the workspace\npackages:\n  - 'packages/*'\n  - \"apps/**\" # apps\n\n  - '!**/test/**'\ncatalog:\n  react: ^19\n";
    expect(workspacePackagePatterns(workspace({ 'package.json': {}, 'pnpm-workspace.yaml': yaml }))).toEqual([
      'packages/*/package.json',
      'apps/**/package.json',
      '!**/test/**/package.json',
    ]);
    expect(readYamlList('packages: [\'a/*\', "b"]\n', 'packages')).toEqual(['a/*', 'b']);
    expect(readYamlList('onlyBuiltDependencies:\n  - esbuild\n', 'packages')).toEqual([]);
  });

  it("should read lerna.json's packages, defaulting to packages/* as lerna does", () => {
    expect(workspacePackagePatterns(workspace({ 'package.json': {}, 'lerna.json': { packages: ['modules/*'] } }))).toEqual(['modules/*/package.json']);
    expect(workspacePackagePatterns(workspace({ 'package.json': {}, 'lerna.json': {} }))).toEqual(['packages/*/package.json']);
  });

  it('should make the root package.json a project only when it has an nx key', () => {
    const withNx = workspacePackageMatcher(workspace({ 'package.json': { nx: {}, workspaces: ['packages/*'] } }));
    const withoutNx = workspacePackageMatcher(workspace({ 'package.json': { workspaces: ['packages/*'] } }));
    expect([withNx('package.json'), withNx('packages/a/package.json')]).toEqual([true, true]);
    expect([withoutNx('package.json'), withoutNx('packages/a/package.json'), withoutNx('packages/a/b/package.json')]).toEqual([false, true, false]);
  });

  it('should apply negations, and read negations alone as "every package.json but these"', () => {
    const matches = workspacePackageMatcher(workspace({ 'package.json': { workspaces: ['packages/**', '!packages/fixtures/**'] } }));
    expect([matches('packages/a/package.json'), matches('packages/fixtures/x/package.json')]).toEqual([true, false]);
    const onlyNegated = workspacePackageMatcher(workspace({ 'package.json': {}, 'pnpm-workspace.yaml': "packages:\n  - '!vendor/**'\n" }));
    expect([onlyNegated('libs/a/package.json'), onlyNegated('vendor/x/package.json')]).toEqual([true, false]);
  });

  it('should match nothing in a workspace without workspaces or without a readable package.json', () => {
    expect(workspacePackageMatcher(workspace({ 'package.json': { name: 'single' } }))('packages/a/package.json')).toBe(false);
    expect(workspacePackageMatcher(workspace({ 'package.json': '{ broken' }))('packages/a/package.json')).toBe(false);
  });
});
