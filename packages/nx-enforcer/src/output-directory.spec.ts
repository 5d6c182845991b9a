import { outputDirectoryOf } from './output-directory';

describe('outputDirectoryOf', () => {
  it.each([
    ['libs/a', '.nx-enforcer/projects/libs%2Fa'],
    ['libs/a/', '.nx-enforcer/projects/libs%2Fa'],
    ['./libs/a', '.nx-enforcer/projects/libs%2Fa'],
    ['libs\\a', '.nx-enforcer/projects/libs%2Fa'],
    ['.config/tools', '.nx-enforcer/projects/.config%2Ftools'],
    ['summary', '.nx-enforcer/projects/summary'],
  ])('should put the output of project root %j in %j', (projectRoot, expected) => {
    expect(outputDirectoryOf(projectRoot)).toBe(expected);
  });

  it.each(['.', './', ''])('should put the output of the workspace-root project (%j) in .nx-enforcer/projects/%2E', (projectRoot) => {
    expect(outputDirectoryOf(projectRoot)).toBe('.nx-enforcer/projects/%2E');
  });

  it('should never put a project output folder inside another project folder or the summary', () => {
    const folders = ['libs/a', 'libs/a/b', 'summary', '.', 'projects'].map(outputDirectoryOf);
    for (const outer of [...folders, '.nx-enforcer/summary']) {
      for (const inner of folders) if (inner !== outer) expect(inner.startsWith(`${outer}/`)).toBe(false);
    }
  });
});
