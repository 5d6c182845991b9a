import type { ConfigLayer } from '../config/types';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '../config/config-error';
import { ConfigResolver } from '../config/config-resolver';
import { builtinRules } from '../rules';
import { runCheck } from '../runner/run-check';
import { isBlocking } from '../runner/run-report';
import { Baseline, BASELINE_FILE } from './baseline';

/** Rules these tests need, whatever their default severity (both are off or warn by default). */
const RULES_ON: ConfigLayer[] = [
  {
    base: '',
    source: 'enforcer.config.json',
    config: { rules: { 'logging/no-console': 'warn', 'errors/unhandled-risky-call': 'warn', 'errors/no-empty-catch': 'error' } },
  },
];

describe('baseline', () => {
  let workspace: string;
  const config = new ConfigResolver(builtinRules, RULES_ON);
  const write = (path: string, content: string) => {
    mkdirSync(join(workspace, path, '..'), { recursive: true });
    writeFileSync(join(workspace, path), content);
  };
  const check = (files: string[], options: { updateBaseline?: boolean } = {}) =>
    runCheck({ workspaceRoot: workspace, files: files.map((path) => ({ path })), config, baselineFile: `libs/a/${BASELINE_FILE}`, ...options });
  const scopes = (report: Awaited<ReturnType<typeof check>>['report']) => report.violations.map((v) => `${v.file}:${v.line} ${v.ruleId} ${v.scope}`);

  beforeEach(() => {
    workspace = mkdtempSync(join(tmpdir(), 'enforcer-baseline-'));
  });
  afterEach(() => rmSync(workspace, { recursive: true, force: true }));

  it('should treat every violation as new without a baseline file, and block on a new error', async () => {
    write('libs/a/src/x.ts', 'try { go(); } catch {}\n');
    const { report } = await check(['libs/a/src/x.ts']);
    expect(scopes(report)).toEqual(['libs/a/src/x.ts:1 errors/no-empty-catch new']);
    expect(report.baseline).toEqual({ entries: 0, fixed: [] });
    expect(isBlocking(report)).toBe(true);
  });

  it('should record the current violations, sorted and human-readable, and then report them as historical', async () => {
    write('libs/a/src/b.ts', 'try { go(); } catch {}\n');
    write('libs/a/src/a.ts', `console.log('a');\n`);
    const recorded = await check(['libs/a/src/b.ts', 'libs/a/src/a.ts'], { updateBaseline: true });
    expect(recorded.report.violations.every((v) => v.scope === 'historical')).toBe(true);
    const file = JSON.parse(readFileSync(join(workspace, 'libs/a', BASELINE_FILE), 'utf8'));
    expect(file.version).toBe(1);
    expect(file.violations.map((entry: { file: string; ruleId: string }) => `${entry.file} ${entry.ruleId}`)).toEqual([
      'libs/a/src/a.ts logging/no-console',
      'libs/a/src/b.ts errors/no-empty-catch',
    ]);
    expect(Object.keys(file.violations[0]).sort()).toEqual(['file', 'fingerprint', 'message', 'ruleId']);

    const { report } = await check(['libs/a/src/b.ts', 'libs/a/src/a.ts']);
    expect(report.summary).toMatchObject({ errors: 1, warnings: 1, newErrors: 0, newWarnings: 0, historical: 2 });
    expect(isBlocking(report)).toBe(false);
  });

  it('should still match after unrelated edits above and renames elsewhere in the file, and flag only the new violation', async () => {
    write('libs/a/src/x.ts', `export function oldName() {\n  return 1;\n}\ntry { go(); } catch {}\n`);
    await check(['libs/a/src/x.ts'], { updateBaseline: true });
    write('libs/a/src/x.ts', `import { y } from './y';\n\nexport function renamed() {\n  return y;\n}\ntry { go(); } catch {}\ntry { more(); } catch {}\n`);
    const { report } = await check(['libs/a/src/x.ts']);
    expect(scopes(report)).toEqual(['libs/a/src/x.ts:6 errors/no-empty-catch historical', 'libs/a/src/x.ts:7 errors/no-empty-catch new']);
    expect(isBlocking(report)).toBe(true);
  });

  it('should tell identical violations apart, so a second copy of an accepted line is new', async () => {
    write('libs/a/src/x.ts', 'try { go(); } catch {}\n');
    await check(['libs/a/src/x.ts'], { updateBaseline: true });
    write('libs/a/src/x.ts', 'try { go(); } catch {}\ntry { go(); } catch {}\n');
    expect(scopes((await check(['libs/a/src/x.ts'])).report)).toEqual([
      'libs/a/src/x.ts:1 errors/no-empty-catch historical',
      'libs/a/src/x.ts:2 errors/no-empty-catch new',
    ]);
  });

  it('should report fixed entries without changing the file, and drop them at the next update', async () => {
    write('libs/a/src/x.ts', `console.log(1);\nconsole.log(2);\n`);
    await check(['libs/a/src/x.ts'], { updateBaseline: true });
    const before = readFileSync(join(workspace, 'libs/a', BASELINE_FILE), 'utf8');
    write('libs/a/src/x.ts', `console.log(1);\n`);
    const { report } = await check(['libs/a/src/x.ts']);
    expect(report.baseline?.fixed.map((entry) => entry.message)).toEqual(['Unexpected console.log(): log through the project logger instead.']);
    expect(readFileSync(join(workspace, 'libs/a', BASELINE_FILE), 'utf8')).toBe(before);
    await check(['libs/a/src/x.ts'], { updateBaseline: true });
    expect(JSON.parse(readFileSync(join(workspace, 'libs/a', BASELINE_FILE), 'utf8')).violations).toHaveLength(1);
  });

  it.each([
    ['not JSON', '{ "version": 1, "violations": [', 'the baseline is not valid JSON'],
    ['another version', JSON.stringify({ version: 2, violations: [] }), 'not a version 1 baseline'],
    ['entries without fingerprints', JSON.stringify({ version: 1, violations: [{ ruleId: 'x' }] }), 'not a version 1 baseline'],
  ])('should refuse a baseline that is %s, naming the file (never silently treat accepted violations as new)', async (_case, content, problem) => {
    write(`libs/a/${BASELINE_FILE}`, content);
    write('libs/a/src/x.ts', 'export {};\n');
    await expect(check(['libs/a/src/x.ts'])).rejects.toThrow(ConfigError);
    await expect(check(['libs/a/src/x.ts'])).rejects.toThrow(`libs/a/${BASELINE_FILE}: ${problem}`);
  });

  it('should read a baseline saved with a byte-order mark', async () => {
    const entry = { fingerprint: 'f'.repeat(20), ruleId: 'logging/no-console', file: 'libs/a/src/x.ts', message: 'Unexpected console.log' };
    writeFileSync(join(workspace, 'bom.json'), `\uFEFF${JSON.stringify({ version: 1, violations: [entry] })}`);
    expect((await Baseline.read(join(workspace, 'bom.json'), 'bom.json')).entries).toEqual([entry]);
  });

  it('should read a missing baseline as empty', async () => {
    expect((await Baseline.read(join(workspace, 'nope.json'), 'nope.json')).entries).toEqual([]);
  });
});
