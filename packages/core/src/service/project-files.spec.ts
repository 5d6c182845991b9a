import { groupByProject, outsideFolders } from './project-files';

const files = (...paths: string[]) => paths.map((path) => ({ path }));
const project = (root: string) => ({ name: root, root, tags: [] });

describe('groupByProject: files to projects as Nx assigns them', () => {
  it('should give each file to the deepest project root that holds it, and keep the rest apart', () => {
    const { groups, outside } = groupByProject(
      files('apps/api/src/main.ts', 'apps/api/e2e/x.ts', 'apps/api-e2e/y.ts', 'apps/api/nested/z.ts', 'tools/a.ts', 'jest.preset.js'),
      [project('apps/api'), project('apps/api/nested'), project('libs/empty')],
    );
    expect(groups.map((group) => [group.project.root, group.files.map((file) => file.path)])).toEqual([
      ['apps/api', ['apps/api/src/main.ts', 'apps/api/e2e/x.ts']],
      ['apps/api/nested', ['apps/api/nested/z.ts']],
    ]);
    expect(outside.map((file) => file.path)).toEqual(['apps/api-e2e/y.ts', 'tools/a.ts', 'jest.preset.js']);
  });

  it('should give every file to a root project', () => {
    const { groups, outside } = groupByProject(files('a.ts', 'src/b.ts'), [project('.')]);
    expect(groups[0].files).toHaveLength(2);
    expect(outside).toEqual([]);
  });

  it('should count files in no project per top folder', () => {
    expect(outsideFolders(files('tools/a.ts', 'tools/x/b.ts', 'jest.preset.js'))).toEqual([
      { folder: 'jest.preset.js', files: 1 },
      { folder: 'tools/', files: 2 },
    ]);
  });
});
