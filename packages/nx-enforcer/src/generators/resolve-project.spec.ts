import { editDistance, ProjectNotFoundError, resolveProject } from './resolve-project';

const projects = [
  { name: '@ws/lib-a', root: 'packages/lib-a' },
  { name: '@ws/lib-b', root: 'packages/lib-b' },
  { name: 'api', root: 'apps/api' },
  { name: '@other/api-client', root: 'libs/api-client' },
  { name: '@one/shared', root: 'libs/one/shared' },
  { name: '@two/shared', root: 'libs/two/shared' },
];

describe('resolveProject', () => {
  it('should take the full name first', () => {
    expect(resolveProject('@ws/lib-a', projects)).toEqual(projects[0]);
    expect(resolveProject('api', projects)).toEqual(projects[2]);
  });

  it('should take the name without its npm scope, or the project folder, when only one project has it', () => {
    expect(resolveProject('lib-b', projects).name).toBe('@ws/lib-b');
    expect(resolveProject('packages/lib-a', projects).name).toBe('@ws/lib-a');
    expect(resolveProject('./packages/lib-a/', projects).name).toBe('@ws/lib-a');
  });

  it('should refuse an ambiguous short name, listing every project it could mean', () => {
    expect(() => resolveProject('shared', projects)).toThrow(
      new ProjectNotFoundError('"shared" matches 2 projects: "@one/shared", "@two/shared". Pass the full project name.'),
    );
  });

  it('should name the close matches of an unknown name', () => {
    expect(() => resolveProject('lib-c', projects)).toThrow('Cannot find a project named "lib-c". Did you mean "@ws/lib-a", "@ws/lib-b"?');
    expect(() => resolveProject('api-clinet', projects)).toThrow('Did you mean "@other/api-client"?');
  });

  it('should list the projects when nothing is close', () => {
    expect(() => resolveProject('zzzzzzzzzz', projects.slice(0, 2))).toThrow(
      'Cannot find a project named "zzzzzzzzzz". The projects are: "@ws/lib-a", "@ws/lib-b".',
    );
    expect(() => resolveProject('x', [])).toThrow(/^Cannot find a project named "x"\.$/);
  });

  it('should count edits', () => {
    expect([editDistance('', 'abc'), editDistance('kitten', 'sitting'), editDistance('same', 'same')]).toEqual([3, 3, 0]);
  });
});
