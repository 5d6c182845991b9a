import { outputDirectoryOf } from './output-directory';

describe('outputDirectoryOf', () => {
  it.each([
    ['libs/a', '.nx-enforcer/libs/a'],
    ['libs/a/', '.nx-enforcer/libs/a'],
    ['./libs/a', '.nx-enforcer/libs/a'],
    ['libs\\a', '.nx-enforcer/libs/a'],
  ])('should put the output of project root %j under %j', (projectRoot, expected) => {
    expect(outputDirectoryOf(projectRoot)).toBe(expected);
  });

  it.each(['.', './', ''])('should put the output of the workspace-root project (%j) in .nx-enforcer/.root', (projectRoot) => {
    expect(outputDirectoryOf(projectRoot)).toBe('.nx-enforcer/.root');
  });

  it.each([
    ['.config/tools', '.nx-enforcer/.config/tools'],
    ['.github/actions/check', '.nx-enforcer/.github/actions/check'],
  ])('should keep the leading dot of a hidden project folder %j', (projectRoot, expected) => {
    expect(outputDirectoryOf(projectRoot)).toBe(expected);
  });
});
