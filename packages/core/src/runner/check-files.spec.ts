import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigResolver } from '../config/config-resolver';
import { builtinRules } from '../rules';
import { runCheck } from './run-check';

describe('runCheck', () => {
  let workspace: string;
  const write = (path: string, content: string | Buffer) => {
    mkdirSync(join(workspace, path, '..'), { recursive: true });
    writeFileSync(join(workspace, path), content);
  };

  beforeEach(() => {
    workspace = mkdtempSync(join(tmpdir(), 'enforcer-runner-'));
  });
  afterEach(() => rmSync(workspace, { recursive: true, force: true }));

  it('should check code files, skip ignored and non-code files, and sort the report', async () => {
    write('libs/a/src/b.ts', `console.log('b');\n`);
    write('libs/a/src/a.ts', `try { x(); } catch {}\nconsole.info('a');\n`);
    write('libs/a/README.md', 'console.log()');
    write('libs/a/logo.svg', '<svg/>');
    write('libs/a/dist/out.js', 'console.log()');
    const files = ['libs/a/src/b.ts', 'libs/a/src/a.ts', 'libs/a/README.md', 'libs/a/logo.svg', 'libs/a/dist/out.js'].map((path) => ({ path, hash: `h-${path}` }));
    const { report, results } = await runCheck({ workspaceRoot: workspace, files, config: new ConfigResolver(builtinRules, []), project: 'a' });
    // Markdown is scanned as text (for secrets); code rules never run on it.
    expect(results.map((result) => result.file).sort()).toEqual(['libs/a/README.md', 'libs/a/src/a.ts', 'libs/a/src/b.ts']);
    expect(report.violations.map((v) => `${v.file}:${v.line} ${v.ruleId}`)).toEqual([
      'libs/a/src/a.ts:1 errors/no-empty-catch',
      'libs/a/src/a.ts:2 logging/no-console',
      'libs/a/src/b.ts:1 logging/no-console',
    ]);
    expect(report.summary).toEqual({ filesChecked: 3, errors: 1, warnings: 2, newErrors: 1, newWarnings: 2, historical: 0, notices: 0 });
    expect(report.project).toBe('a');
  });

  it('should skip, with a notice naming the file, what cannot be source code, and still check the rest', async () => {
    write('src/ok.ts', `console.log('ok');\n`);
    write('src/binary.js', Buffer.from([0x63, 0x00, 0x6f, 0x6e]));
    write('src/latin1.ts', Buffer.from([0x63, 0x6f, 0x6e, 0xe9, 0x0a]));
    write('src/huge.js', `// ${'x'.repeat(2000)}\n`);
    mkdirSync(join(workspace, 'src/folder.ts'));
    symlinkSync(join(workspace, 'missing-target.ts'), join(workspace, 'src/dangling.ts'));
    const files = ['src/ok.ts', 'src/binary.js', 'src/latin1.ts', 'src/huge.js', 'src/folder.ts', 'src/dangling.ts', 'src/deleted.ts'].map((path) => ({ path }));
    const config = new ConfigResolver(builtinRules, [{ base: '', source: 'enforcer.config.json', config: { maxFileSize: 1000 } }]);
    const { report } = await runCheck({ workspaceRoot: workspace, files, config });
    expect(report.notices.map((notice) => [notice.file, notice.code])).toEqual([
      ['src/binary.js', 'binary'],
      ['src/dangling.ts', 'unreadable'],
      ['src/deleted.ts', 'unreadable'],
      ['src/folder.ts', 'unreadable'],
      ['src/huge.js', 'too-large'],
      ['src/latin1.ts', 'not-utf8'],
    ]);
    expect(report.notices.find((notice) => notice.code === 'too-large')?.message).toBe('src/huge.js is 2004 bytes, over the 1000-byte limit (maxFileSize); skipped');
    expect(report.violations.map((v) => v.file)).toEqual(['src/ok.ts']);
  });

  it('should report a file that does not parse and check the others', async () => {
    // Only files some rule could match are parsed (the keyword pre-check); this one mentions console.
    write('src/broken.ts', 'export const = console;\n');
    write('src/fine.ts', `console.warn('x');\n`);
    const { report } = await runCheck({
      workspaceRoot: workspace,
      files: [{ path: 'src/broken.ts' }, { path: 'src/fine.ts' }],
      config: new ConfigResolver(builtinRules, []),
    });
    expect(report.violations.map((v) => `${v.file} ${v.ruleId}`)).toEqual(['src/broken.ts parse-error', 'src/fine.ts logging/no-console']);
  });

  it('should strip a byte-order mark so columns match what editors show', async () => {
    write('src/bom.ts', `\ufeffconsole.log('x');\n`);
    const { report } = await runCheck({ workspaceRoot: workspace, files: [{ path: 'src/bom.ts' }], config: new ConfigResolver(builtinRules, []) });
    expect(report.violations[0]).toMatchObject({ line: 1, column: 1 });
  });
});
