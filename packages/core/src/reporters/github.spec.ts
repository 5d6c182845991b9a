import type { ReportedViolation } from '../runner/run-report';
import { reportedViolation, reportOf } from './__fixtures__/reports';
import { escapeData, escapeProperty, formatGithub, GITHUB_ANNOTATION_LIMIT } from './github';

const report = (violations: ReportedViolation[], filesChecked = 3) => reportOf('lib-a', violations, filesChecked);

describe('GitHub Actions reporter', () => {
  it('should annotate new violations, errors first, with the hint under the message, and skip historical ones', () => {
    const text = formatGithub(
      report([
        reportedViolation({ file: 'src/a.ts', line: 2, column: 3, endLine: 2, endColumn: 14 }),
        reportedViolation({ file: 'src/old.ts', scope: 'historical' }),
        reportedViolation({
          ruleId: 'errors/no-empty-catch',
          severity: 'error',
          file: 'src/b.ts',
          line: 4,
          column: 7,
          endLine: 4,
          endColumn: 15,
          message: 'Empty catch block.',
          hint: 'Handle the error or rethrow it.',
        }),
      ]),
    );
    expect(text).toBe(
      [
        '::error file=src/b.ts,line=4,endLine=4,col=7,endColumn=15,title=errors/no-empty-catch::Empty catch block.%0AFix: Handle the error or rethrow it.',
        '::warning file=src/a.ts,line=2,endLine=2,col=3,endColumn=14,title=logging/no-console::Unexpected console.log(): log ' +
          'through the project logger instead.',
        'nx-enforcer: 1 new error, 1 new warning in 3 files checked; 1 more accepted by the baseline',
        '',
      ].join('\n'),
    );
  });

  it('should order by severity, then file, line and column', () => {
    const text = formatGithub(
      report([
        reportedViolation({ file: 'src/a.ts', line: 9 }),
        reportedViolation({ file: 'src/b.ts', line: 1, severity: 'error' }),
        reportedViolation({ file: 'src/a.ts', line: 2, column: 8, severity: 'error' }),
        reportedViolation({ file: 'src/a.ts', line: 2, column: 3, severity: 'error' }),
      ]),
    );
    expect(text.split('\n').map((line) => line.replace(/,endLine=.*/, ''))).toEqual([
      '::error file=src/a.ts,line=2',
      '::error file=src/a.ts,line=2',
      '::error file=src/b.ts,line=1',
      '::warning file=src/a.ts,line=9',
      'nx-enforcer: 3 new errors, 1 new warning in 3 files checked',
      '',
    ]);
    expect(
      text
        .split('\n')
        .slice(0, 2)
        .map((line) => /col=(\d+)/.exec(line)?.[1]),
    ).toEqual(['3', '8']);
  });

  it('should print only the summary line for a clean report', () => {
    expect(formatGithub(report([]))).toBe('nx-enforcer: 0 new errors, 0 new warnings in 3 files checked\n');
    expect(formatGithub(report([reportedViolation({ scope: 'historical' })], 1))).toBe(
      'nx-enforcer: 0 new errors, 0 new warnings in 1 file checked; 1 more accepted by the baseline\n',
    );
    expect(formatGithub(report([], 0))).toBe('nx-enforcer: 0 new errors, 0 new warnings in 0 files checked: nothing was checked\n');
  });

  it('should escape %, line breaks, and in properties : and , as the runner unescapes them', () => {
    expect(escapeData('100% done\r\nnext: a, b')).toBe('100%25 done%0D%0Anext: a, b');
    expect(escapeProperty('C:/a,b%.ts')).toBe('C%3A/a%2Cb%25.ts');
    const [line] = formatGithub(
      report([reportedViolation({ file: 'src/we,ird:name%.ts', ruleId: 'workspace/a:b,c', message: 'Use 100%\nnot 50%: a, b', hint: 'Line one\r\nline two' })]),
    ).split('\n');
    expect(line).toBe(
      '::warning file=src/we%2Cird%3Aname%25.ts,line=1,endLine=1,col=1,endColumn=5,title=workspace/a%3Ab%2Cc::Use ' +
        '100%25%0Anot 50%25: a, b%0AFix: Line one%0D%0Aline two',
    );
  });

  it('should write out terminal escape sequences, then %-escape, so none reaches the log raw', () => {
    const [line] = formatGithub(report([reportedViolation({ file: 'src/\u001b]0;x%\u0007.ts', message: 'bad \u001b[2J\u009b31m%', hint: '\u2028go' })])).split(
      '\n',
    );
    // eslint-disable-next-line no-control-regex -- the characters that must not appear
    expect(line).not.toMatch(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029]/);
    expect(line).toBe(
      '::warning file=src/\\x1b]0;x%25\\x07.ts,line=1,endLine=1,col=1,endColumn=5,title=logging/no-console::bad \\x1b[2J\\x9b31m%25%0AFix: \\u2028go',
    );
  });

  it(`should annotate at most ${GITHUB_ANNOTATION_LIMIT}, errors kept first, then say how many more and give the totals`, () => {
    const many = Array.from({ length: 60 }, (_, index) =>
      reportedViolation({ line: index + 1, severity: index >= 45 ? 'error' : 'warn', fingerprint: `f${index}` }),
    );
    const lines = formatGithub(report(many)).split('\n');
    expect(lines).toHaveLength(GITHUB_ANNOTATION_LIMIT + 3);
    expect(lines.filter((line) => line.startsWith('::error '))).toHaveLength(15);
    expect(lines.filter((line) => line.startsWith('::warning '))).toHaveLength(35);
    expect(lines.slice(0, 15).every((line) => line.startsWith('::error '))).toBe(true);
    expect(lines[50]).toBe(
      '::notice title=nx-enforcer::10 more new violations are not annotated; see the full report (--format stylish or json, or report.json)',
    );
    expect(lines[51]).toBe('nx-enforcer: 15 new errors, 45 new warnings in 3 files checked');
    expect(lines[52]).toBe('');
  });

  it('should count the violations a report found but did not list among those not annotated', () => {
    const listed = Array.from({ length: 50 }, (_, index) => reportedViolation({ line: index + 1 }));
    const capped = { ...report(listed), unlisted: 1 };
    capped.summary = { ...capped.summary, warnings: 51, newWarnings: 51 };
    const lines = formatGithub(capped).split('\n');
    expect(lines[50]).toMatch(/^::notice title=nx-enforcer::1 more new violation is not annotated;/);
    expect(lines[51]).toBe('nx-enforcer: 0 new errors, 51 new warnings in 3 files checked');
  });
});
