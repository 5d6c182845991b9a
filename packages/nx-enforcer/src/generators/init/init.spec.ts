import { createProjectGraphAsync, readJson, readNxJson, updateNxJson, type ProjectGraph, type Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chooseTargetName, initGenerator, rootDevDependencies } from './init';

// The generator reads the real project graph (the tree holds only what generators wrote); here
// the graph is whatever the test says.
jest.mock('@nx/devkit', () => ({
  ...jest.requireActual('@nx/devkit'),
  createProjectGraphAsync: jest.fn(),
}));

const graphMock = jest.mocked(createProjectGraphAsync);
const PLUGIN_VERSION = (JSON.parse(readFileSync(join(__dirname, '../../../package.json'), 'utf8')) as { version: string }).version;

/** A graph with one project per entry, each with the given target names. */
function graphWithTargets(...targetsPerProject: string[][]): ProjectGraph {
  const nodes: ProjectGraph['nodes'] = {};
  targetsPerProject.forEach((targets, index) => {
    const name = `project-${index}`;
    nodes[name] = {
      name,
      type: 'lib',
      data: { root: `libs/${name}`, targets: Object.fromEntries(targets.map((target) => [target, { executor: 'nx:noop' }])) },
    };
  });
  return { nodes, dependencies: {} };
}

/** Every file the generators changed, with its content. */
function changedFiles(tree: Tree): Record<string, string | null> {
  return Object.fromEntries(tree.listChanges().map((change) => [change.path, change.content?.toString('utf8') ?? null]));
}

describe('init generator', () => {
  let tree: Tree;

  beforeEach(() => {
    tree = createTreeWithEmptyWorkspace({ formatter: 'none' });
    graphMock.mockReset();
    graphMock.mockResolvedValue(graphWithTargets(['build', 'test']));
  });

  it('should register the plugin with the enforce target name', async () => {
    await initGenerator(tree, { skipFormat: true });

    expect(readNxJson(tree)?.plugins).toEqual([{ plugin: 'nx-enforcer', options: { targetName: 'enforce' } }]);
  });

  it('should keep the plugins already registered', async () => {
    updateNxJson(tree, { ...readNxJson(tree), plugins: ['@nx/js/typescript'] });

    await initGenerator(tree, { skipFormat: true });

    expect(readNxJson(tree)?.plugins).toEqual(['@nx/js/typescript', { plugin: 'nx-enforcer', options: { targetName: 'enforce' } }]);
  });

  it('should pick the next free target name when a project already has an enforce target', async () => {
    graphMock.mockResolvedValue(graphWithTargets(['build'], ['enforce', 'test']));

    await initGenerator(tree, { skipFormat: true });

    expect(readNxJson(tree)?.plugins).toEqual([{ plugin: 'nx-enforcer', options: { targetName: 'enforcer' } }]);
  });

  it('should register the default target name when the project graph cannot be built', async () => {
    graphMock.mockRejectedValue(new Error('graph failed'));

    await initGenerator(tree, { skipFormat: true });

    expect(readNxJson(tree)?.plugins).toEqual([{ plugin: 'nx-enforcer', options: { targetName: 'enforce' } }]);
  });

  it('should not register the plugin again when nx.json loads it from its source path', async () => {
    updateNxJson(tree, { ...readNxJson(tree), plugins: ['./packages/nx-enforcer/src/index.ts'] });

    await initGenerator(tree, { skipFormat: true });

    expect(readNxJson(tree)?.plugins).toEqual(['./packages/nx-enforcer/src/index.ts']);
  });

  it('should still set up a workspace that has no root package.json', async () => {
    tree.delete('package.json');

    await initGenerator(tree, { skipFormat: true });

    expect(tree.exists('package.json')).toBe(false);
    expect(tree.exists('enforcer.config.json')).toBe(true);
  });

  it('should not register the plugin again when nx.json lists it as a string', async () => {
    updateNxJson(tree, { ...readNxJson(tree), plugins: ['nx-enforcer'] });

    await initGenerator(tree, { skipFormat: true });

    expect(readNxJson(tree)?.plugins).toEqual(['nx-enforcer']);
    expect(graphMock).not.toHaveBeenCalled();
  });

  it('should write the root enforcer.config.json with $schema and no rules', async () => {
    await initGenerator(tree, { skipFormat: true });

    expect(readJson(tree, 'enforcer.config.json')).toEqual({ $schema: './node_modules/@nx-enforcer/core/schema/enforcer.schema.json', rules: {} });
  });

  it('should never overwrite an existing enforcer.config.json', async () => {
    const existing = '// ours\n{ "rules": { "logging/no-console": "error" } }\n';
    tree.write('enforcer.config.json', existing);

    await initGenerator(tree, { skipFormat: true });

    expect(tree.read('enforcer.config.json', 'utf-8')).toBe(existing);
  });

  describe('.gitignore', () => {
    const ignoredLines = (content: string | null) => (content ?? '').split('\n').filter((line) => line.includes('.nx-enforcer'));

    it('should create .gitignore with .nx-enforcer when there is none', async () => {
      expect(tree.exists('.gitignore')).toBe(false);

      await initGenerator(tree, { skipFormat: true });

      expect(tree.read('.gitignore', 'utf-8')).toBe('# nx-enforcer reports and session state\n.nx-enforcer\n');
    });

    it('should append .nx-enforcer on a line of its own when the last line has no newline', async () => {
      const withNewline = createTreeWithEmptyWorkspace({ formatter: 'none' });
      withNewline.write('.gitignore', 'node_modules\ndist\n');
      tree.write('.gitignore', 'node_modules\ndist');

      await initGenerator(withNewline, { skipFormat: true });
      await initGenerator(tree, { skipFormat: true });

      expect(tree.read('.gitignore', 'utf-8')).toMatch(/^node_modules\ndist\n[\s\S]*^\.nx-enforcer\n$/m);
      expect(tree.read('.gitignore', 'utf-8')).toBe(withNewline.read('.gitignore', 'utf-8'));
    });

    it('should keep what .gitignore already has', async () => {
      tree.write('.gitignore', 'node_modules\n');

      await initGenerator(tree, { skipFormat: true });

      expect(tree.read('.gitignore', 'utf-8')).toMatch(/^node_modules\n[\s\S]*^\.nx-enforcer\n$/m);
    });

    it.each(['.nx-enforcer', '/.nx-enforcer', '.nx-enforcer/', '  .nx-enforcer  '])(
      'should not add .nx-enforcer again when .gitignore has %j',
      async (entry) => {
        const existing = `node_modules\n${entry}\ndist\n`;
        tree.write('.gitignore', existing);

        await initGenerator(tree, { skipFormat: true });

        expect(tree.read('.gitignore', 'utf-8')).toBe(existing);
      },
    );

    it('should not count a longer name as the output folder', async () => {
      tree.write('.gitignore', '.nx-enforcer-old\n');

      await initGenerator(tree, { skipFormat: true });

      expect(ignoredLines(tree.read('.gitignore', 'utf-8'))).toEqual(['.nx-enforcer-old', '.nx-enforcer']);
    });
  });

  it('should add nx-enforcer and the engine (its CLI, config schema and rule types) to the root devDependencies', async () => {
    await initGenerator(tree, { skipFormat: true });

    expect(readJson(tree, 'package.json').devDependencies).toEqual({ 'nx-enforcer': PLUGIN_VERSION, '@nx-enforcer/core': PLUGIN_VERSION });
  });

  it('should keep the versions already in devDependencies', async () => {
    tree.write('package.json', JSON.stringify({ name: 'ws', devDependencies: { 'nx-enforcer': '^0.0.1', '@nx-enforcer/core': '^0.0.1' } }));

    await initGenerator(tree, { skipFormat: true });

    expect(readJson(tree, 'package.json').devDependencies).toEqual({ 'nx-enforcer': '^0.0.1', '@nx-enforcer/core': '^0.0.1' });
  });

  it("should ask for @nx/devkit at the workspace's nx version only where the root lists none", () => {
    tree.write('package.json', JSON.stringify({ name: 'ws', devDependencies: { nx: '21.6.11' } }));
    expect(rootDevDependencies(tree, { enforcer: '1.2.3', nx: '21.6.11' })).toEqual({
      'nx-enforcer': '1.2.3',
      '@nx-enforcer/core': '1.2.3',
      '@nx/devkit': '21.6.11',
    });

    tree.write('package.json', JSON.stringify({ name: 'ws', dependencies: { '@nx/devkit': '22.7.12' } }));
    expect(rootDevDependencies(tree, { enforcer: '1.2.3', nx: '22.7.12' })).toEqual({ 'nx-enforcer': '1.2.3', '@nx-enforcer/core': '1.2.3' });
    expect(rootDevDependencies(tree, { enforcer: '1.2.3' })).toEqual({ 'nx-enforcer': '1.2.3', '@nx-enforcer/core': '1.2.3' });
  });

  it('should leave package.json alone with skipPackageJson', async () => {
    const before = tree.read('package.json', 'utf-8');

    await initGenerator(tree, { skipFormat: true, skipPackageJson: true });

    expect(tree.read('package.json', 'utf-8')).toBe(before);
  });

  it('should change nothing when run a second time', async () => {
    const before = changedFiles(tree);
    await initGenerator(tree, { skipFormat: true });
    const afterFirst = changedFiles(tree);
    const written = Object.keys(afterFirst).filter((path) => afterFirst[path] !== before[path]);
    expect(written.sort()).toEqual(['.gitignore', 'enforcer.config.json', 'nx.json', 'package.json']);

    graphMock.mockResolvedValue(graphWithTargets(['enforce']));
    await initGenerator(tree, { skipFormat: true });

    expect(changedFiles(tree)).toEqual(afterFirst);
  });

  it('should run formatFiles (a no-op without a configured formatter) when skipFormat is not set', async () => {
    const formatted = createTreeWithEmptyWorkspace({ formatter: 'none' });

    await initGenerator(formatted, {});

    expect(readNxJson(formatted)?.plugins).toEqual([{ plugin: 'nx-enforcer', options: { targetName: 'enforce' } }]);
    expect(readJson(formatted, 'enforcer.config.json').rules).toEqual({});
  });
});

describe('chooseTargetName', () => {
  it('should take enforce when no project uses it', () => {
    expect(chooseTargetName(graphWithTargets(['build'], ['lint']))).toBe('enforce');
  });

  it('should take the first candidate no project uses', () => {
    expect(chooseTargetName(graphWithTargets(['enforce'], ['enforcer']))).toBe('nx-enforce');
  });

  it('should fall back to enforce-2 when every candidate is taken', () => {
    expect(chooseTargetName(graphWithTargets(['enforce', 'enforcer'], ['nx-enforce']))).toBe('enforce-2');
  });

  it('should count up past the numbered names already taken', () => {
    expect(chooseTargetName(graphWithTargets(['enforce', 'enforcer', 'nx-enforce', 'enforce-2'], ['enforce-3']))).toBe('enforce-4');
  });

  it('should cope with projects without targets', () => {
    const graph: ProjectGraph = { nodes: { bare: { name: 'bare', type: 'lib', data: { root: 'libs/bare' } } }, dependencies: {} };
    expect(chooseTargetName(graph)).toBe('enforce');
  });
  describe('checkFilesOutsideProjects', () => {
    let tree: Tree;
    beforeEach(() => {
      tree = createTreeWithEmptyWorkspace({ formatter: 'none' });
      graphMock.mockReset();
      graphMock.mockResolvedValue(graphWithTargets(['build']));
    });

    it('should add a root project.json, named so that no project name is taken, so files in no project form a root project', async () => {
      graphMock.mockResolvedValue({ nodes: { 'workspace-root': { name: 'workspace-root', type: 'lib', data: { root: 'libs/x' } } }, dependencies: {} });

      await initGenerator(tree, { skipFormat: true, skipPackageJson: true, checkFilesOutsideProjects: true });

      expect(readJson(tree, 'project.json')).toEqual({ name: 'workspace-root-2', $schema: 'node_modules/nx/schemas/project-schema.json', targets: {} });
    });

    it('should leave an existing root project.json alone, and add none without the option', async () => {
      await initGenerator(tree, { skipFormat: true, skipPackageJson: true });
      expect(tree.exists('project.json')).toBe(false);

      tree.write('project.json', '{ "name": "mine" }\n');
      await initGenerator(tree, { skipFormat: true, skipPackageJson: true, checkFilesOutsideProjects: true });
      expect(tree.read('project.json', 'utf-8')).toBe('{ "name": "mine" }\n');
    });
  });
});
