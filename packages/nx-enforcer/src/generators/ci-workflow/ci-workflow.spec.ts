import { logger, readNxJson, updateNxJson, type Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { ciWorkflowGenerator } from './ci-workflow';

describe('ci-workflow generator', () => {
  let tree: Tree;
  const github = '.github/workflows/enforce.yml';

  beforeEach(() => {
    tree = createTreeWithEmptyWorkspace();
  });

  it('should write a GitHub workflow that installs, sets the SHAs, restores the Nx cache and gates on nx affected', async () => {
    tree.write('package-lock.json', '{}');
    await ciWorkflowGenerator(tree, { ci: 'github' });

    const workflow = tree.read(github, 'utf-8') ?? '';
    const steps = workflow.slice(workflow.indexOf('    steps:'));
    const order = [
      'actions/checkout@v4',
      'fetch-depth: 0',
      'actions/setup-node@v4',
      'cache: npm',
      'run: npm ci',
      'nrwl/nx-set-shas@v4',
      'actions/cache@v4',
      'run: npx nx affected -t enforce --format=github',
      'run: npx nx run-many -t enforce --format=github',
      '$GITHUB_STEP_SUMMARY',
      'github/codeql-action/upload-sarif@v3',
      'sarif_file: .nx-enforcer/summary/workspace.sarif',
    ];
    const positions = order.map((text) => steps.indexOf(text));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(workflow).toContain('NX_CACHE_DIRECTORY: .nx/cache');
    expect(workflow).toMatch(/push:\n {4}branches:\n {6}- main\n/);
  });

  it.each([
    ['pnpm-lock.yaml', 'pnpm/action-setup@v4', 'run: pnpm install --frozen-lockfile', 'run: pnpm exec nx affected -t enforce'],
    ['yarn.lock', 'run: corepack enable', 'run: yarn install --immutable', 'run: yarn nx affected -t enforce'],
  ])('should use the package manager of %s', async (lockFile, setup, install, gate) => {
    tree.write(lockFile, '');
    await ciWorkflowGenerator(tree, { ci: 'github' });

    const workflow = tree.read(github, 'utf-8') ?? '';
    expect(workflow.indexOf(setup)).toBeGreaterThan(-1);
    expect(workflow.indexOf(setup)).toBeLessThan(workflow.indexOf(install));
    expect(workflow).toContain(gate);
    expect(workflow).not.toContain('npm ci');
  });

  it('should take the target name the plugin was registered with, the default base and the Node version file', async () => {
    const nxJson = readNxJson(tree) ?? {};
    updateNxJson(tree, { ...nxJson, defaultBase: 'trunk', plugins: [{ plugin: 'nx-enforcer', options: { targetName: 'enforcer' } }] });
    tree.write('.nvmrc', '22\n');
    await ciWorkflowGenerator(tree, { ci: 'github', name: 'policy' });

    const workflow = tree.read('.github/workflows/policy.yml', 'utf-8') ?? '';
    expect(workflow).toContain('nx affected -t enforcer --format=github');
    expect(workflow).toContain('nx run-many -t enforcer --format=github');
    expect(workflow).toMatch(/branches:\n {6}- trunk\n/);
    expect(workflow).toContain('node-version-file: .nvmrc');
    expect(workflow).toContain('  policy:\n');
  });

  it('should be idempotent, rewrite its own file, and refuse to overwrite a workflow it did not write', async () => {
    await ciWorkflowGenerator(tree, { ci: 'github' });
    const first = tree.read(github, 'utf-8');
    await ciWorkflowGenerator(tree, { ci: 'github' });
    expect(tree.read(github, 'utf-8')).toBe(first);
    expect(tree.listChanges().filter((change) => change.path === github)).toHaveLength(1);

    tree.write(github, 'name: ours\n');
    await expect(ciWorkflowGenerator(tree, { ci: 'github' })).rejects.toThrow(`${github} exists and was not written by this generator`);
    expect(tree.read(github, 'utf-8')).toBe('name: ours\n');
  });

  it('should write .gitlab-ci.yml with the gate, the full Code Quality report and the summary as artifacts', async () => {
    await ciWorkflowGenerator(tree, { ci: 'gitlab' });

    const pipeline = tree.read('.gitlab-ci.yml', 'utf-8') ?? '';
    expect(pipeline).toContain('GIT_DEPTH: 0');
    // The same flags in both: the full report's run takes the projects the gate checked from the cache.
    expect(pipeline).toContain(
      '- npx nx affected -t enforce --format=stylish,gitlab:gl-code-quality.json --base="${CI_MERGE_REQUEST_DIFF_BASE_SHA:-HEAD~1}" --head=HEAD',
    );
    expect(pipeline).toContain('- npx nx run-many -t enforce --format=stylish,gitlab:gl-code-quality.json || true');
    expect(pipeline).toContain('codequality:\n        - .nx-enforcer/projects/*/gl-code-quality.json');
    expect(pipeline).toContain('when: always');
  });

  it('should leave a .gitlab-ci.yml the team wrote alone, write the job to its own file and say how to include it', async () => {
    tree.write('.gitlab-ci.yml', 'test:\n  script: [npm test]\n');
    const warn = jest.spyOn(logger, 'warn').mockImplementation(() => undefined);
    try {
      await ciWorkflowGenerator(tree, { ci: 'gitlab' });
      expect(tree.read('.gitlab-ci.yml', 'utf-8')).toBe('test:\n  script: [npm test]\n');
      expect(tree.read('.gitlab/enforce.gitlab-ci.yml', 'utf-8')).toContain('enforce:\n  image: node:22');
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('include:\n  - local: .gitlab/enforce.gitlab-ci.yml'));
    } finally {
      warn.mockRestore();
    }
  });
});
