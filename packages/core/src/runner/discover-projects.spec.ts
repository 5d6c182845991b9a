import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { discoverProjects } from './discover-projects';

describe('discoverProjects (the CLI): projects from the manifests among the listed files', () => {
  let root: string;
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'enforcer-projects-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('names projects by project.json, else package.json, else their folder, and reads tags, package names and path aliases', async () => {
    write('package.json', JSON.stringify({ name: 'monorepo', private: true }));
    write('apps/api/project.json', JSON.stringify({ name: 'api', tags: ['scope:api'] }));
    write('apps/api/package.json', JSON.stringify({ name: '@acme/api' }));
    write('libs/contracts/package.json', JSON.stringify({ name: '@acme/contracts', nx: { tags: ['scope:shared'] }, exports: { '.': './src/index.ts' } }));
    write('libs/broken/package.json', '{ not json');
    write('libs/util/project.json', JSON.stringify({ name: 'util' }));
    write('tsconfig.base.json', JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@acme/util': ['libs/util/src/index.ts'] } } }));
    const files = [
      'package.json',
      'apps/api/project.json',
      'apps/api/package.json',
      'apps/api/src/main.ts',
      'libs/contracts/package.json',
      'libs/broken/package.json',
      'libs/util/project.json',
      'tsconfig.base.json',
    ].map((path) => ({ path }));

    const view = await discoverProjects(root, files);

    expect(view.projectOfFile('apps/api/src/main.ts')).toEqual({ name: 'api', root: 'apps/api', tags: ['scope:api'], packageName: '@acme/api' });
    expect(view.projectOfFile('libs/contracts/src/index.ts')).toEqual({
      name: '@acme/contracts',
      root: 'libs/contracts',
      tags: ['scope:shared'],
      packageName: '@acme/contracts',
      packageExports: { '.': './src/index.ts' },
    });
    expect(view.projectOfFile('libs/broken/src/x.ts')?.name).toBe('libs/broken');
    expect(view.projectOfFile('tools/x.ts')?.name).toBe('monorepo');
    expect(view.resolveImport('@acme/contracts', 'apps/api/src/main.ts')?.project.root).toBe('libs/contracts');
    expect(view.resolveImport('@acme/util', 'apps/api/src/main.ts')?.project.name).toBe('util');
    // No graph: any project may be read.
    expect(view.mayRead('apps/api/src/main.ts', 'libs/contracts/src/index.ts')).toBe(true);
  });
});
