import { rootLayer } from '../testing/config-layers';
import * as fs from 'node:fs';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigResolver } from '../config/config-resolver';
import { formatSarif } from '../reporters/sarif';
import { builtinRules } from '../rules';
import { runCheck } from './run-check';

// Only `readFileSync` is wrapped: one test counts the reads, another makes a file unreadable even
// when the tests run as root.
jest.mock('node:fs', () => {
  const actual = jest.requireActual<typeof import('node:fs')>('node:fs');
  return { ...actual, readFileSync: jest.fn(actual.readFileSync) };
});
const realReadFileSync = jest.requireActual<typeof import('node:fs')>('node:fs').readFileSync;
const readFileSyncMock = jest.mocked(fs.readFileSync);

// The fault suite's file-level cases: whatever is on disk, the run finishes, says what it skipped
// and why, and checks everything else.
describe('hostile input', () => {
  let root: string;
  let workspace: string;
  const write = (path: string, content: string | Buffer) => {
    mkdirSync(join(workspace, path, '..'), { recursive: true });
    writeFileSync(join(workspace, path), content);
  };
  const check = (paths: string[], layers: ConstructorParameters<typeof ConfigResolver>[1] = [rootLayer()]) =>
    runCheck({ workspaceRoot: workspace, files: paths.map((path) => ({ path })), config: new ConfigResolver(builtinRules, layers) });

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'enforcer-hostile-'));
    workspace = join(root, 'workspace');
    mkdirSync(workspace);
  });
  afterEach(() => {
    jest.restoreAllMocks();
    readFileSyncMock.mockImplementation(realReadFileSync);
    readFileSyncMock.mockClear();
    rmSync(root, { recursive: true, force: true });
  });

  it('should never follow a symbolic link out of the workspace, and follow one that stays inside', async () => {
    writeFileSync(join(root, 'outside.ts'), `console.log('outside');\n`);
    mkdirSync(join(root, 'outside-dir'));
    writeFileSync(join(root, 'outside-dir', 'secret.ts'), `console.log('outside');\n`);
    write('src/real.ts', `console.log('inside');\n`);
    mkdirSync(join(workspace, 'linked'));
    symlinkSync(join(root, 'outside.ts'), join(workspace, 'linked/to-file.ts'));
    symlinkSync(join(root, 'outside-dir'), join(workspace, 'linked/dir'));
    symlinkSync(join(workspace, 'src/real.ts'), join(workspace, 'linked/inside.ts'));

    const { report } = await check(['linked/to-file.ts', 'linked/dir/secret.ts', 'linked/inside.ts']);

    expect(report.notices.map((notice) => [notice.file, notice.code])).toEqual([
      ['linked/dir/secret.ts', 'outside-workspace'],
      ['linked/to-file.ts', 'outside-workspace'],
    ]);
    expect(report.violations.map((v) => v.file)).toEqual(['linked/inside.ts']);
  });

  it('should skip a 50 MB minified file by its size, without reading it', async () => {
    const line = 'var a=function(){try{b()}catch(e){}};console.log(a);';
    write('src/bundle.js', line.repeat(Math.ceil((50 * 1024 * 1024) / line.length)));
    write('src/ok.ts', `console.log('ok');\n`);
    readFileSyncMock.mockClear();

    const { report } = await check(['src/bundle.js', 'src/ok.ts']);

    expect(report.notices).toEqual([
      expect.objectContaining({
        file: 'src/bundle.js',
        code: 'too-large',
        message: expect.stringMatching(/^src\/bundle\.js is 5\d{7} bytes, over the 1048576-byte limit/),
      }),
    ]);
    expect(report.violations.map((v) => `${v.file} ${v.ruleId}`)).toEqual(['src/bundle.js enforcer/unchecked-file', 'src/ok.ts logging/no-console']);
    // Only ok.ts was read: the size check comes first.
    expect(readFileSyncMock.mock.calls.map(([path]) => String(path))).toEqual([join(workspace, 'src/ok.ts')]);
  });

  it('should check an empty file and a file of a million short lines', async () => {
    write('src/empty.ts', '');
    write('src/long.ts', `${'x++;\n'.repeat(999_999)}console.log(x);\n`);
    const { report } = await check(['src/empty.ts', 'src/long.ts'], [rootLayer({ maxFileSize: 10 * 1024 * 1024 })]);
    expect(report.notices).toEqual([]);
    expect(report.summary.filesChecked).toBe(2);
    expect(report.violations.map((v) => `${v.file}:${v.line}:${v.column} ${v.ruleId}`)).toEqual(['src/long.ts:1000000:1 logging/no-console']);
  });

  it('should report a file it has no permission to read, and check the rest', async () => {
    write('src/locked.ts', `console.log('locked');\n`);
    write('src/open.ts', `console.log('open');\n`);
    // Tests run as root in CI, where chmod 000 does not stop a read: the refusal is simulated.
    readFileSyncMock.mockImplementation(((path: fs.PathOrFileDescriptor, ...rest: unknown[]) => {
      if (String(path).endsWith('locked.ts')) throw Object.assign(new Error('permission denied'), { code: 'EACCES' });
      return (realReadFileSync as (...args: unknown[]) => unknown)(path, ...rest);
    }) as typeof fs.readFileSync);

    const { report } = await check(['src/locked.ts', 'src/open.ts']);

    expect(report.notices).toEqual([{ file: 'src/locked.ts', code: 'unreadable', message: 'src/locked.ts cannot be read (EACCES); skipped' }]);
    expect(report.violations.map((v) => `${v.file} ${v.ruleId}`)).toEqual(['src/locked.ts enforcer/unchecked-file', 'src/open.ts logging/no-console']);
  });

  it('should keep paths with spaces, unicode, leading dashes and URI characters exact, and encode them in SARIF', async () => {
    const names = ['src/my file.ts', 'src/ünïcödé/日本.ts', 'src/-rf.ts', 'src/50%#1?.ts'];
    for (const name of names) write(name, `console.log('x');\n`);

    const { report } = await check(names);

    expect(report.violations.map((v) => v.file)).toEqual([...names].sort());
    const uris = JSON.parse(formatSarif(report, builtinRules)).runs[0].results.map(
      (result: { locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }) => result.locations[0].physicalLocation.artifactLocation.uri,
    );
    expect(uris).toEqual(['src/-rf.ts', 'src/50%25%231%3F.ts', 'src/my%20file.ts', 'src/%C3%BCn%C3%AFc%C3%B6d%C3%A9/%E6%97%A5%E6%9C%AC.ts']);
    expect(uris.map((uri: string) => uri.split('/').map(decodeURIComponent).join('/'))).toEqual([...names].sort());
  });
});
