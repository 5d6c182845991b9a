import { isInsideRoot, isWorkspaceRoot, joinProjectPath, normalizeRoot, projectPathPrefix, relativeToProject, rootFolder } from './workspace-paths';

describe('workspace paths', () => {
  it('should treat ".", "./", "" and no root as the workspace root, and nothing else', () => {
    expect([undefined, '', '.', './'].map(isWorkspaceRoot)).toEqual([true, true, true, true]);
    expect(['libs/a', '..', '.nx', 'a'].map(isWorkspaceRoot)).toEqual([false, false, false, false]);
  });

  it('should normalize a root to posix without "./" or a trailing slash, "" for the workspace root', () => {
    expect(normalizeRoot('.')).toBe('');
    expect(normalizeRoot(undefined)).toBe('');
    expect(normalizeRoot('./libs/a/')).toBe('libs/a');
    expect(normalizeRoot('libs\\a')).toBe('libs/a');
    expect(normalizeRoot('libs/a')).toBe('libs/a');
  });

  it('should give "." as the folder of the workspace root and any other root unchanged', () => {
    expect(rootFolder('')).toBe('.');
    expect(rootFolder('.')).toBe('.');
    expect(rootFolder('libs/a')).toBe('libs/a');
  });

  it('should prefix paths inside a project with its root and a slash, and nothing at the workspace root', () => {
    expect(projectPathPrefix('libs/a')).toBe('libs/a/');
    expect(projectPathPrefix('.')).toBe('');
    expect(projectPathPrefix('')).toBe('');
  });

  it('should join a root and a file relative to it', () => {
    expect(joinProjectPath('libs/a', 'enforcer.config.json')).toBe('libs/a/enforcer.config.json');
    expect(joinProjectPath('.', 'enforcer.config.json')).toBe('enforcer.config.json');
    expect(joinProjectPath('', 'src/x.ts')).toBe('src/x.ts');
  });

  it('should tell a path inside a root from one in a sibling whose name starts the same', () => {
    expect(isInsideRoot('libs/a', 'libs/a')).toBe(true);
    expect(isInsideRoot('libs/a', 'libs/a/src/x.ts')).toBe(true);
    expect(isInsideRoot('libs/a', 'libs/ab/src/x.ts')).toBe(false);
    expect(isInsideRoot('.', 'libs/ab/src/x.ts')).toBe(true);
    expect(isInsideRoot('', 'x.ts')).toBe(true);
  });

  it('should make a path relative to the root it is inside, and give undefined for one outside', () => {
    expect(relativeToProject('libs/a', 'libs/a/src/x.ts')).toBe('src/x.ts');
    expect(relativeToProject('.', 'libs/a/src/x.ts')).toBe('libs/a/src/x.ts');
    expect(relativeToProject('', 'x.ts')).toBe('x.ts');
    expect(relativeToProject('libs/a', 'libs/ab/x.ts')).toBeUndefined();
    expect(relativeToProject('libs/a', 'libs/a')).toBeUndefined();
  });
});
