import type { ReportedViolation } from '../runner/run-report';
import { reportedViolation, reportOf } from './__fixtures__/reports';
import { formatJunit } from './junit';
import { formatMarkdown, MARKDOWN_VIOLATION_LIMIT } from './markdown';

const violation = (overrides: Partial<ReportedViolation>) => reportedViolation({ file: 'src/a.ts', ...overrides });
const report = (violations: ReportedViolation[]) => reportOf('lib-a', violations, 3);

describe('Markdown reporter', () => {
  it('should give the status, counts per rule and the new violations', () => {
    const text = formatMarkdown(
      report([
        violation({ ruleId: 'errors/no-empty-catch', severity: 'error', file: 'src/b.ts', line: 4, message: 'Empty | catch' }),
        violation({ scope: 'historical' }),
      ]),
    );
    expect(text).toContain('**Status: BLOCKED**: 1 new error, 0 new warnings, 1 historical (baseline), 3 files checked.');
    expect(text).toContain('| `errors/no-empty-catch` | 1 | 0 |\n| `logging/no-console` | 0 | 1 |');
    expect(text).toContain('| Severity | Location | Rule | Message | Fix |\n| --- | --- | --- | --- | --- |');
    expect(text).toContain('| error | `src/b.ts:4:1` | `errors/no-empty-catch` | Empty \\| catch |  |');
    expect(text).not.toContain('`src/a.ts:1:1`');
  });

  it('should put the hint of each new violation in the Fix column', () => {
    const text = formatMarkdown(report([violation({ hint: 'Replace `console.log(...)` with `logger.info(...)` | or delete it.' })]));
    expect(text).toContain(
      '| warn | `src/a.ts:1:1` | `logging/no-console` | Unexpected console.log(): log through the project logger instead. | ' +
        'Replace `console.log(...)` with `logger.info(...)` \\| or delete it. |',
    );
  });

  it('should say CLEAN with nothing new, and cap the list with a count of the rest', () => {
    expect(formatMarkdown(report([]))).toContain('**Status: CLEAN**');
    const many = Array.from({ length: MARKDOWN_VIOLATION_LIMIT + 5 }, (_, index) => violation({ line: index + 1 }));
    const text = formatMarkdown(report(many));
    expect(text).toContain('**Status: WARNINGS**');
    expect(text).toContain('…and 5 more (see report.json).');
    expect(text.split('\n').filter((line) => line.startsWith('| warn |'))).toHaveLength(MARKDOWN_VIOLATION_LIMIT);
  });
});

describe('JUnit reporter', () => {
  it('should make a suite per rule and a case per file, failing on new violations and skipping baseline ones', () => {
    const xml = formatJunit(
      report([
        violation({ file: 'src/a.ts', line: 1 }),
        violation({ file: 'src/a.ts', line: 2, message: 'with <markup> & "quotes"' }),
        violation({ file: 'src/c.ts', scope: 'historical' }),
        violation({ ruleId: 'errors/no-empty-catch', severity: 'error', file: 'src/b.ts' }),
      ]),
    );
    expect(xml).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites name="nx-enforcer lib-a" tests="3" failures="2" errors="0">/);
    expect(xml).toContain('<testsuite name="errors/no-empty-catch" tests="1" failures="1" errors="0">');
    expect(xml).toContain('<failure message="1 new violation(s) of errors/no-empty-catch" type="error">');
    expect(xml).toContain('<testsuite name="logging/no-console" tests="2" failures="1" errors="0">');
    expect(xml).toContain('src/a.ts:2:1 warn with &lt;markup&gt; &amp; &quot;quotes&quot;');
    expect(xml).toContain('<testcase classname="logging/no-console" name="src/c.ts">\n      <skipped message="accepted by the baseline"/>');
  });

  it('should give the hint of each violation on the line below it in the failure text', () => {
    const xml = formatJunit(report([violation({ line: 1, hint: 'Replace console.log with <logger>.info.' }), violation({ line: 2 })]));
    expect(xml).toContain(
      '<failure message="2 new violation(s) of logging/no-console" type="warning">src/a.ts:1:1 warn Unexpected console.log(): ' +
        'log through the project logger instead.\n  Fix: Replace console.log with &lt;logger&gt;.info.\nsrc/a.ts:2:1 warn ' +
        'Unexpected console.log(): log through the project logger instead.</failure>',
    );
  });

  it('should be a valid empty document without violations', () => {
    expect(formatJunit(report([]))).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="nx-enforcer lib-a" tests="0" failures="0" errors="0">\n</testsuites>\n',
    );
  });
});
