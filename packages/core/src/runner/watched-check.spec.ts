import { rootLayer } from '../testing/config-layers';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ConfigResolver } from '../config/config-resolver';
import { builtinRules } from '../rules';
import { WatchedCheck } from './watched-check';

describe('WatchedCheck', () => {
  let root: string;
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  const summaryOf = (report: { violations: Array<{ file: string; ruleId: string }> }) => report.violations.map((v) => `${v.file} ${v.ruleId}`);

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'enforcer-watched-'));
    write('src/a.ts', `console.log('a');\n`);
    write('src/b.ts', 'export const b = 1;\n');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const session = () => new WatchedCheck({ workspaceRoot: root, config: new ConfigResolver(builtinRules, [rootLayer()]) });

  it("should check only the changed files and rebuild the report from every file's last result", async () => {
    const watched = session();
    expect(summaryOf(await watched.start([{ path: 'src/a.ts' }, { path: 'src/b.ts' }]))).toEqual(['src/a.ts logging/no-console']);
    write('src/b.ts', '// @ts-ignore\ngo();\n');
    const update = await watched.update(['src/b.ts']);
    expect(update.checked).toEqual(['src/b.ts']);
    expect(summaryOf(update.report)).toEqual(['src/a.ts logging/no-console', 'src/b.ts typescript/no-ts-ignore']);
    expect(update.report.summary.filesChecked).toBe(2);
  });

  it('should report a file that does not parse mid-edit, and check it again on the next save', async () => {
    const watched = session();
    await watched.start([{ path: 'src/a.ts' }, { path: 'src/b.ts' }]);
    write('src/b.ts', 'export const b = (;\n');
    expect(summaryOf((await watched.update(['src/b.ts'])).report)).toContain('src/b.ts parse-error');
    write('src/b.ts', 'export const b = 2;\n');
    expect(summaryOf((await watched.update(['src/b.ts'])).report)).toEqual(['src/a.ts logging/no-console']);
  });

  it('should drop deleted files, add new ones, and ignore files no rule checks or outside its scope', async () => {
    const watched = new WatchedCheck({ workspaceRoot: root, config: new ConfigResolver(builtinRules, [rootLayer()]), scope: ['src'] });
    await watched.start([{ path: 'src/a.ts' }, { path: 'src/b.ts' }]);
    rmSync(join(root, 'src/a.ts'));
    write('src/c.ts', `console.warn('c');\n`);
    write('src/logo.png', 'not code');
    write('other/d.ts', `console.log('d');\n`);
    const update = await watched.update(['other/d.ts', 'src/a.ts', 'src/c.ts', 'src/logo.png']);
    expect(update).toEqual(expect.objectContaining({ checked: ['src/c.ts'], removed: ['src/a.ts'] }));
    expect(summaryOf(update.report)).toEqual(['src/c.ts logging/no-console']);
  });
});
