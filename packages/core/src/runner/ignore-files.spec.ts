import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { WorkspaceIgnores } from './ignore-files';

describe('WorkspaceIgnores', () => {
  let root: string;
  const write = (path: string, content: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  };

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'enforcer-ignores-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it("should apply each folder's .gitignore and .nxignore below it, the deeper file winning", () => {
    write('.gitignore', 'dist/\n*.generated.ts\n/out\n');
    write('.nxignore', 'scratch/\n');
    write('libs/a/.gitignore', '!api.generated.ts\ncache\n');
    const ignores = new WorkspaceIgnores(root);
    expect(ignores.ignoredBy('libs/b/dist/index.js', false)).toEqual({ file: '.gitignore', pattern: 'dist/' });
    expect(ignores.ignoredBy('libs/b/src/x.generated.ts', false)).toEqual({ file: '.gitignore', pattern: '*.generated.ts' });
    expect(ignores.ignoredBy('libs/a/src/api.generated.ts', false)).toBeUndefined();
    expect(ignores.ignoredBy('libs/a/cache/x.ts', false)).toEqual({ file: 'libs/a/.gitignore', pattern: 'cache' });
    expect(ignores.ignoredBy('libs/b/cache/x.ts', false)).toBeUndefined();
    expect(ignores.ignoredBy('libs/b/scratch/x.ts', false)).toEqual({ file: '.nxignore', pattern: 'scratch/' });
    // Anchored patterns apply to their own folder only; a file named like a folder pattern is kept.
    expect(ignores.ignoredBy('out/x.ts', false)).toEqual({ file: '.gitignore', pattern: '/out' });
    expect(ignores.ignoredBy('libs/a/out/x.ts', false)).toBeUndefined();
    expect(ignores.ignoredBy('libs/dist', false)).toBeUndefined();
  });

  it('should never bring back a file inside an ignored folder, as git does', () => {
    write('.gitignore', 'build/\n!build/keep.ts\n');
    const ignores = new WorkspaceIgnores(root);
    expect(ignores.ignoredBy('build/keep.ts', false)).toEqual({ file: '.gitignore', pattern: 'build/' });
    expect(ignores.excludes('src/.git/HEAD')).toBe(true);
    expect(ignores.excludes('src/a.ts')).toBe(false);
  });
});
