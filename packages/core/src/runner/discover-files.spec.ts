import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { discoverFiles, MissingPathError, PathOutsideWorkspaceError } from './discover-files';

describe('discoverFiles', () => {
  let root: string;
  const write = (path: string, content = '') => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  };
  const paths = async (...named: string[]) => (await discoverFiles(root, named)).files.map((file) => file.path);

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'enforcer-discover-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('should list the workspace as Nx does: .gitignore and .nxignore honoured, installed and Nx folders pruned, build/ kept', async () => {
    write('.gitignore', 'dist\ncoverage/\n');
    for (const path of [
      'src/a.ts',
      'dist/a.js',
      'coverage/lcov.js',
      'build/release.ts',
      'node_modules/x/i.js',
      '.nx/cache/a.js',
      '.git/config',
      'lib/.nxignore',
    ])
      write(path);
    write('lib/.nxignore', 'scratch/\n');
    write('lib/scratch/s.ts');
    write('lib/b.ts');
    expect(await paths()).toEqual(['.gitignore', 'build/release.ts', 'lib/.nxignore', 'lib/b.ts', 'src/a.ts']);
  });

  it('should list a named file even when ignored, and say which pattern took out a named folder', async () => {
    write('.gitignore', 'generated/\n');
    write('libs/a/generated/api.ts');
    write('libs/a/src/x.ts');
    expect(await paths('libs/a/generated/api.ts')).toEqual(['libs/a/generated/api.ts']);
    const discovered = await discoverFiles(root, ['libs/a/generated', 'libs/a/src']);
    expect(discovered.files.map((file) => file.path)).toEqual(['libs/a/src/x.ts']);
    expect([...discovered.ignored]).toEqual([['libs/a/generated', { file: '.gitignore', pattern: 'generated/' }]]);
  });

  it('should refuse paths outside the workspace and name a missing one', async () => {
    await expect(discoverFiles(root, ['../elsewhere'])).rejects.toBeInstanceOf(PathOutsideWorkspaceError);
    await expect(discoverFiles(root, ['nope'])).rejects.toEqual(new MissingPathError('nope'));
  });
});
