import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '../config/config-error';
import { loadConfig } from '../config/load-config';
import { builtinRules } from '../rules';
import { runCheck } from '../runner/run-check';
import { PATTERN_MAX_LINE_LENGTH } from './pattern-rule';

describe('declarative pattern rules', () => {
  let workspace: string;
  const write = (path: string, content: string) => {
    mkdirSync(join(workspace, path, '..'), { recursive: true });
    writeFileSync(join(workspace, path), content);
  };
  const check = async (files: string[], projectRoot?: string) => {
    const config = await loadConfig({ workspaceRoot: workspace, projectRoot, rules: builtinRules });
    return (await runCheck({ workspaceRoot: workspace, files: files.map((path) => ({ path })), config })).report;
  };

  beforeEach(() => {
    workspace = mkdtempSync(join(tmpdir(), 'enforcer-patterns-'));
  });
  afterEach(() => rmSync(workspace, { recursive: true, force: true }));

  it('should report every match with the configured message, severity and exact position', async () => {
    write(
      'enforcer.config.json',
      JSON.stringify({ patterns: [{ id: 'no-lodash', regex: "from 'lodash'", message: 'Use native array methods instead of lodash.', severity: 'error' }] }),
    );
    write('src/a.ts', `import { map } from 'lodash';\nimport x from 'lodash-es';\n`);
    const report = await check(['src/a.ts']);
    expect(report.violations).toEqual([
      expect.objectContaining({
        ruleId: 'pattern/no-lodash',
        severity: 'error',
        line: 1,
        column: 16,
        endColumn: 29,
        message: 'Use native array methods instead of lodash.',
      }),
    ]);
  });

  it('should honour flags, and search only the configured files (text files too)', async () => {
    write(
      'enforcer.config.json',
      JSON.stringify({ patterns: [{ id: 'no-todo', regex: '\\btodo\\b', flags: 'i', message: 'Track TODOs in the issue tracker.', files: ['docs/**/*.md'] }] }),
    );
    write('docs/guide.md', '# Guide\nTODO: write it\n');
    write('src/a.ts', '// TODO later\n');
    const report = await check(['docs/guide.md', 'src/a.ts']);
    expect(report.violations.map((v) => `${v.file}:${v.line} ${v.ruleId} ${v.severity}`)).toEqual(['docs/guide.md:2 pattern/no-todo warn']);
  });

  it("should resolve a project config's pattern files relative to the project", async () => {
    write(
      'libs/a/enforcer.config.json',
      JSON.stringify({ patterns: [{ id: 'no-internal', regex: 'internal/', message: 'No internal imports.', files: ['src/**'] }] }),
    );
    write('libs/a/src/x.ts', `import './internal/y';\n`);
    write('libs/a/other/x.ts', `import './internal/y';\n`);
    const report = await check(['libs/a/src/x.ts', 'libs/a/other/x.ts'], 'libs/a');
    expect(report.violations.map((v) => v.file)).toEqual(['libs/a/src/x.ts']);
  });

  it('should let a project config change the severity of a root pattern, or turn it off', async () => {
    write('enforcer.config.json', JSON.stringify({ patterns: [{ id: 'no-foo', regex: 'foo', message: 'No foo.' }] }));
    write('libs/a/enforcer.config.json', JSON.stringify({ rules: { 'pattern/no-foo': 'error' } }));
    write('libs/b/enforcer.config.json', JSON.stringify({ rules: { 'pattern/no-foo': 'off' } }));
    write('libs/a/x.ts', 'const foo = 1;\n');
    write('libs/b/x.ts', 'const foo = 1;\n');
    expect((await check(['libs/a/x.ts'], 'libs/a')).violations.map((v) => v.severity)).toEqual(['error']);
    expect((await check(['libs/b/x.ts'], 'libs/b')).violations).toEqual([]);
  });

  it('should stop a catastrophically backtracking pattern, report it as a rule error, and keep checking', async () => {
    // Every pattern searches in one shared context: the one stopped must not break the others.
    const patterns = [
      { id: 'evil', regex: '^(a+)+$', message: 'x' },
      { id: 'log', regex: 'console', message: 'y' },
    ];
    write('enforcer.config.json', JSON.stringify({ rules: { 'logging/no-console': 'warn' }, patterns }));
    write('src/evil.ts', `// ${'a'.repeat(1500)}!\nconsole.log(1);\n`.replace('// ', ''));
    write('src/fine.ts', 'console.log(2);\n');
    const started = Date.now();
    const report = await check(['src/evil.ts', 'src/fine.ts']);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(report.notices).toEqual([expect.objectContaining({ file: 'src/evil.ts', code: 'rule-error', message: expect.stringContaining('pattern/evil') })]);
    expect(report.violations.filter((v) => v.ruleId === 'logging/no-console').map((v) => v.file)).toEqual(['src/evil.ts', 'src/fine.ts']);
    expect(report.violations.filter((v) => v.ruleId === 'pattern/log').map((v) => `${v.file}:${v.line}`)).toEqual(['src/evil.ts:2', 'src/fine.ts:1']);
  });

  it('should skip lines longer than the limit', async () => {
    write('enforcer.config.json', JSON.stringify({ patterns: [{ id: 'no-x', regex: 'needle', message: 'x' }] }));
    write('src/long.ts', `${'a'.repeat(PATTERN_MAX_LINE_LENGTH)}needle\nneedle\n`);
    expect((await check(['src/long.ts'])).violations.map((v) => v.line)).toEqual([2]);
  });

  it.each([
    [{ patterns: [{ id: 'bad', regex: '(unclosed', message: 'x' }] }, 'patterns[0].regex: invalid regular expression'],
    [
      {
        patterns: [
          { id: 'a', regex: 'x', message: 'x' },
          { id: 'a', regex: 'y', message: 'y' },
        ],
      },
      'patterns[1].id: duplicate pattern id "a"',
    ],
    [{ patterns: [{ id: 'Bad Id', regex: 'x', message: 'x' }] }, 'patterns[0].id: must match pattern'],
    [{ patterns: [{ id: 'a', regex: 'x' }] }, 'missing required property "message"'],
    [{ patterns: [{ id: 'a', regex: 'x', message: 'x' }], rules: { 'pattern/a': ['warn', { any: 1 }] } }, 'a pattern rule takes no options'],
    [{ rules: { 'pattern/missing': 'warn' } }, 'unknown rule "pattern/missing"'],
  ])('should reject an invalid pattern config %#', async (config, problem) => {
    write('enforcer.config.json', JSON.stringify(config));
    await expect(loadConfig({ workspaceRoot: workspace, rules: builtinRules })).rejects.toThrow(ConfigError);
    await expect(loadConfig({ workspaceRoot: workspace, rules: builtinRules })).rejects.toThrow(problem);
  });
});
