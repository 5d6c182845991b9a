import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { githubWorkflow, gitlabPipeline, type PackageManager, type PipelineOptions } from './pipelines';

// The real validators, from the registry: action-validator checks a workflow against the
// published workflow schema; gitlab-ci-local against GitLab's CI schema (it needs Node 22).
const repositoryRoot = join(__dirname, '../../../../..');
const { nodeBinDir } = require(join(repositoryRoot, 'tools/node-matrix/node-binaries.cjs')) as { nodeBinDir(line: string): string | null };
/** gitlab-ci-local needs Node 22 or later: this process's own Node when it is one (the node matrix), else the pinned 22. */
const nodeForGitlabCiLocal = (): string => (Number(process.versions.node.split('.')[0]) >= 22 ? process.execPath : join(nodeBinDir('22') as string, 'node'));

const variants: Array<[PackageManager, PipelineOptions['node']]> = [
  ['npm', { version: '22' }],
  ['pnpm', { file: '.nvmrc' }],
  ['yarn', { version: '24' }],
  ['bun', { file: '.node-version' }],
];
const optionsOf = (packageManager: PackageManager, node: PipelineOptions['node']): PipelineOptions => ({
  name: 'enforce',
  target: 'enforce',
  packageManager,
  defaultBranch: 'main',
  node,
});

describe("generated pipelines, checked by the CI systems' own schemas", () => {
  let folder: string;

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'nx-enforcer-ci-'));
  });

  afterEach(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  const actionValidator = (file: string) => spawnSync(process.execPath, [require.resolve('@action-validator/cli/cli.mjs'), file], { encoding: 'utf8' });

  it.each(variants)('should give a valid GitHub workflow for %s', (packageManager, node) => {
    const file = join(folder, 'enforce.yml');
    writeFileSync(file, githubWorkflow(optionsOf(packageManager, node)));
    const result = actionValidator(file);
    expect([result.status, result.stdout + result.stderr]).toEqual([0, '']);
  });

  it('should be a validator that rejects an invalid workflow', () => {
    const file = join(folder, 'enforce.yml');
    writeFileSync(file, githubWorkflow(optionsOf('npm', { version: '22' })).replace('    runs-on: ubuntu-latest', '    runs-onn: ubuntu-latest'));
    expect(actionValidator(file).status).not.toBe(0);
  });

  const gitlabCiLocal = (text: string) => {
    const repository = join(folder, 'repository');
    mkdirSync(repository);
    writeFileSync(join(repository, '.gitlab-ci.yml'), text);
    const git = (...args: string[]) => spawnSync('git', args, { cwd: repository, encoding: 'utf8' });
    git('init', '--quiet', '--initial-branch=main');
    git('add', '--all');
    git('-c', 'user.name=spec', '-c', 'user.email=spec@nx-enforcer.invalid', 'commit', '--quiet', '-m', 'pipeline');
    const cli = require.resolve('gitlab-ci-local/dist/index.js');
    const result = spawnSync(nodeForGitlabCiLocal(), [cli, '--list'], {
      cwd: repository,
      encoding: 'utf8',
      timeout: 120_000,
      env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
    });
    // Colour codes, should the tool print them anyway.
    const plain = (text: string | null) => (text ?? '').replace(/\x1b\[[0-9;]*m/g, '');
    return { status: result.status, stdout: plain(result.stdout), stderr: plain(result.stderr) };
  };

  it.each(variants)('should give a valid GitLab pipeline for %s', (packageManager, node) => {
    const result = gitlabCiLocal(gitlabPipeline(optionsOf(packageManager, node)));
    expect([result.status, result.stderr]).toEqual([0, expect.stringContaining('json schema validated')]);
    // The job is listed: GitLab would create it on the default branch.
    expect(result.stdout).toMatch(/^enforce\s+test\s+on_success/m);
  });

  it('should be a validator that rejects an invalid pipeline', () => {
    const result = gitlabCiLocal(gitlabPipeline(optionsOf('npm', { version: '22' })).replace('    when: always', '    whenn: always'));
    expect(result.status).not.toBe(0);
    expect(result.stdout + result.stderr).toContain("'whenn' property is not expected to be here");
  });
});
