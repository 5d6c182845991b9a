import { createWorkspaceView } from './workspace-view';

describe('createWorkspaceView: which files a rule that reads other projects may read', () => {
  const projects = [
    { name: 'api', root: 'apps/api', tags: [], dependencies: ['contracts'] },
    { name: 'contracts', root: 'libs/contracts', tags: [], packageName: '@acme/contracts', dependencies: [] },
    { name: 'billing', root: 'libs/billing', tags: [], packageName: '@acme/billing', dependencies: [] },
  ];

  it('under Nx, allows the file own project and the projects it depends on, nothing else', () => {
    const view = createWorkspaceView({ projects });
    expect(view.mayRead('apps/api/src/a.ts', 'apps/api/src/dto/b.ts')).toBe(true);
    expect(view.mayRead('apps/api/src/a.ts', 'libs/contracts/src/index.ts')).toBe(true);
    expect(view.mayRead('apps/api/src/a.ts', 'libs/billing/src/index.ts')).toBe(false);
    // Dependencies do not go the other way.
    expect(view.mayRead('libs/contracts/src/index.ts', 'apps/api/src/a.ts')).toBe(false);
    // A file outside every project: only from another such file.
    expect(view.mayRead('apps/api/src/a.ts', 'shared/dto.ts')).toBe(false);
    expect(view.mayRead('scripts/a.ts', 'shared/dto.ts')).toBe(true);
  });

  it('without a graph (the CLI), allows any project', () => {
    const view = createWorkspaceView({ projects: projects.map(({ dependencies: _dependencies, ...project }) => project) });
    expect(view.mayRead('apps/api/src/a.ts', 'libs/billing/src/index.ts')).toBe(true);
    expect(view.mayRead('apps/api/src/a.ts', 'shared/dto.ts')).toBe(false);
  });

  it('resolves a workspace package by its name, and its subpaths', () => {
    const view = createWorkspaceView({ projects });
    expect(view.resolveImport('@acme/billing', 'apps/api/src/a.ts')?.project.name).toBe('billing');
    expect(view.resolveImport('@acme/contracts/dto', 'apps/api/src/a.ts')).toEqual({ project: expect.objectContaining({ name: 'contracts' }), deep: false });
    expect(view.resolveImport('@acme/other', 'apps/api/src/a.ts')).toBeUndefined();
  });
});

describe('createWorkspaceView: digest', () => {
  const project = (dependencies: string[]) => [
    { name: 'api', root: 'apps/api', tags: [], dependencies },
    { name: 'contracts', root: 'libs/contracts', tags: [], packageName: '@acme/contracts', dependencies: [] },
  ];

  it("leaves the graph's edges out (a stored result's key takes the checked project's own), and keeps them for dependenciesOf", () => {
    const before = createWorkspaceView({ projects: project([]) });
    const after = createWorkspaceView({ projects: project(['contracts']) });
    expect(after.digest).toBe(before.digest);
    expect(after.dependenciesOf('api')).toEqual(['contracts']);
    expect(before.dependenciesOf('api')).toEqual([]);
    expect(createWorkspaceView({ projects: [{ name: 'api', root: 'apps/api', tags: [] }] }).dependenciesOf('api')).toBeUndefined();
    expect(createWorkspaceView({ projects: [{ name: 'api', root: 'apps/api', tags: ['scope:api'] }] }).digest).not.toBe(
      createWorkspaceView({ projects: [{ name: 'api', root: 'apps/api', tags: [] }] }).digest,
    );
  });
});
