import { builtinRules } from '@nx-enforcer/core';
import { textFileGlobsOf } from '@nx-enforcer/core/internal';
import {
  addProjectConfiguration,
  createProjectGraphAsync,
  readJson,
  readNxJson,
  readProjectConfiguration,
  updateNxJson,
  type ProjectGraph,
  type Tree,
} from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { configurationGenerator } from './configuration';

// Projects that only plugins define are in the project graph, not in the tree: the graph is what
// each test says.
jest.mock('@nx/devkit', () => ({
  ...jest.requireActual('@nx/devkit'),
  createProjectGraphAsync: jest.fn(),
}));
const graphMock = jest.mocked(createProjectGraphAsync);
const graphOf = (projects: Record<string, string>): ProjectGraph => ({
  nodes: Object.fromEntries(Object.entries(projects).map(([name, root]) => [name, { name, type: 'lib', data: { root } }])),
  dependencies: {},
});

describe('configuration generator', () => {
  let tree: Tree;

  beforeEach(() => {
    tree = createTreeWithEmptyWorkspace({ formatter: 'none' });
    addProjectConfiguration(tree, 'lib-a', { root: 'libs/lib-a', sourceRoot: 'libs/lib-a/src', targets: { build: { executor: 'nx:noop' } } });
    graphMock.mockReset();
    graphMock.mockResolvedValue(graphOf({ 'lib-a': 'libs/lib-a' }));
  });

  const registerPlugin = (plugins: NonNullable<ReturnType<typeof readNxJson>>['plugins']) => updateNxJson(tree, { ...readNxJson(tree), plugins });

  it("should write the project's enforcer.config.json with a $schema relative to the project", async () => {
    await configurationGenerator(tree, { project: 'lib-a', skipFormat: true });

    expect(readJson(tree, 'libs/lib-a/enforcer.config.json')).toEqual({
      $schema: '../../node_modules/@nx-enforcer/core/schema/enforcer.schema.json',
      rules: {},
    });
    expect(tree.exists('enforcer.config.json')).toBe(false);
  });

  it('should leave an existing project enforcer.config.json untouched', async () => {
    const existing = '{\n  // ours\n  "rules": { "logging/no-console": "off" }\n}\n';
    tree.write('libs/lib-a/enforcer.config.json', existing);

    await configurationGenerator(tree, { project: 'lib-a', skipFormat: true });

    expect(tree.read('libs/lib-a/enforcer.config.json', 'utf-8')).toBe(existing);
  });

  it('should add an explicit enforce target when the plugin is not registered', async () => {
    registerPlugin(['@nx/js/typescript']);

    await configurationGenerator(tree, { project: 'lib-a', skipFormat: true });

    const targets = readProjectConfiguration(tree, 'lib-a').targets ?? {};
    expect(Object.keys(targets).sort()).toEqual(['build', 'enforce', 'enforce-fix', 'enforce-watch']);
    expect(targets['enforce-fix']).toMatchObject({ cache: false, options: { fix: true } });
    expect(targets['enforce-watch']).toMatchObject({ cache: false, continuous: true, options: { watch: true } });
    expect(targets.enforce).toMatchObject({
      executor: 'nx-enforcer:enforce',
      cache: true,
      outputs: ['{workspaceRoot}/.nx-enforcer/projects/libs%2Flib-a', '{projectRoot}/enforcer.baseline.json'],
      inputs: [
        '{projectRoot}/**/*.{ts,mts,cts,tsx,js,mjs,cjs,jsx}',
        '{projectRoot}/**/{package.json,pyproject.toml,LICENSE,LICENCE,COPYING}',
        ...textFileGlobsOf(builtinRules).map((glob) => `{projectRoot}/${glob}`),
        '{workspaceRoot}/enforcer.config.json',
        '{projectRoot}/enforcer.config.json',
        '{projectRoot}/enforcer.baseline.json',
        { externalDependencies: ['nx-enforcer', '@nx-enforcer/core'] },
      ],
    });
    expect(targets.build).toEqual({ executor: 'nx:noop' });
  });

  it.each([
    ['a string', ['nx-enforcer']],
    ['an object', [{ plugin: 'nx-enforcer', options: { targetName: 'enforce' } }]],
  ])('should not add a target when nx.json registers the plugin as %s', async (_form, plugins) => {
    registerPlugin(plugins);

    await configurationGenerator(tree, { project: 'lib-a', skipFormat: true });

    expect(Object.keys(readProjectConfiguration(tree, 'lib-a').targets ?? {})).toEqual(['build']);
    expect(tree.exists('libs/lib-a/enforcer.config.json')).toBe(true);
  });

  it('should keep an enforce target the project already has', async () => {
    addProjectConfiguration(tree, 'lib-b', { root: 'libs/lib-b', targets: { enforce: { executor: 'nx-enforcer:enforce', options: { maxWarnings: 0 } } } });

    await configurationGenerator(tree, { project: 'lib-b', skipFormat: true });

    expect(readProjectConfiguration(tree, 'lib-b').targets?.enforce).toEqual({ executor: 'nx-enforcer:enforce', options: { maxWarnings: 0 } });
  });

  it('should change nothing when run a second time', async () => {
    await configurationGenerator(tree, { project: 'lib-a', skipFormat: true });
    const snapshot = () => Object.fromEntries(tree.listChanges().map((change) => [change.path, change.content?.toString('utf8')]));
    const afterFirst = snapshot();

    await configurationGenerator(tree, { project: 'lib-a', skipFormat: true });

    expect(snapshot()).toEqual(afterFirst);
  });

  it('should throw for an unknown project, naming the close matches', async () => {
    await expect(configurationGenerator(tree, { project: 'lib-x', skipFormat: true })).rejects.toThrow(
      'Cannot find a project named "lib-x". Did you mean "lib-a"?',
    );
    expect(tree.listChanges().map((change) => change.path)).not.toContain('lib-x/enforcer.config.json');
  });

  it('should accept the name without its npm scope, as nx show project does, for a package.json project', async () => {
    tree.write('package.json', JSON.stringify({ name: 'ws', private: true, workspaces: ['packages/*'] }));
    tree.write('packages/lib-b/package.json', JSON.stringify({ name: '@ws/lib-b', version: '0.0.1' }));

    await configurationGenerator(tree, { project: 'lib-b', skipFormat: true });

    expect(readJson(tree, 'packages/lib-b/enforcer.config.json')).toEqual({
      $schema: '../../node_modules/@nx-enforcer/core/schema/enforcer.schema.json',
      rules: {},
    });
    expect(graphMock).not.toHaveBeenCalled();
  });

  it('should find a project that only plugins define in the project graph, when the plugin infers its target', async () => {
    registerPlugin(['nx-enforcer']);
    graphMock.mockResolvedValue(graphOf({ 'lib-a': 'libs/lib-a', '@ws/web': 'apps/web' }));

    await configurationGenerator(tree, { project: 'web', skipFormat: true });

    expect(tree.exists('apps/web/enforcer.config.json')).toBe(true);
  });

  it('should refuse a project that only plugins define when there is no inference to give it a target', async () => {
    graphMock.mockResolvedValue(graphOf({ 'lib-a': 'libs/lib-a', '@ws/web': 'apps/web' }));

    await expect(configurationGenerator(tree, { project: '@ws/web', skipFormat: true })).rejects.toThrow('nx g nx-enforcer:init');
    expect(tree.exists('apps/web/enforcer.config.json')).toBe(false);
  });
});
