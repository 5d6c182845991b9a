import { projectFolderName, projectRootOfFolder } from './output-layout';

describe('output layout', () => {
  it.each([
    ['libs/a', 'libs%2Fa'],
    ['libs/a/', 'libs%2Fa'],
    ['./libs/a', 'libs%2Fa'],
    ['libs\\a', 'libs%2Fa'],
    ['summary', 'summary'],
    ['.config/tools', '.config%2Ftools'],
    ['100%/x', '100%25%2Fx'],
    ['libs%2Fa', 'libs%252Fa'],
  ])('should give project root %j the folder %j, and read the root back', (projectRoot, folder) => {
    expect(projectFolderName(projectRoot)).toBe(folder);
    expect(projectRootOfFolder(folder)).toBe(projectRoot.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/$/, ''));
  });

  it.each(['.', './', ''])('should give the workspace-root project (%j) the folder of an encoded dot', (projectRoot) => {
    expect(projectFolderName(projectRoot)).toBe('%2E');
    expect(projectRootOfFolder('%2E')).toBe('.');
  });

  it('should give nested projects folders that do not contain each other', () => {
    const parent = projectFolderName('libs/a');
    const child = projectFolderName('libs/a/b');
    expect(child.startsWith(`${parent}/`)).toBe(false);
    expect(child.includes('/')).toBe(false);
  });

  it.each(['a%2Fb%2F', '%2Fa', '..%2Fx', '.', '100%', 'x%41', ''])('should read no project root from %j, a name no root is given', (folder) => {
    expect(projectRootOfFolder(folder)).toBeUndefined();
  });
});
