import type { ConfigLayer } from '../config/types';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigResolver } from '../config/config-resolver';
import { builtinRules } from '../rules';
import { runCheck } from '../runner/run-check';
import type { ReportedViolation } from '../runner/run-report';
import { reportedViolation, reportOf } from './__fixtures__/reports';
import { formatJson } from './json';
import { formatMarkdown } from './markdown';
import { formatStylish } from './stylish';

/** Rules these tests need, whatever their default severity (both are off or warn by default). */
const RULES_ON: ConfigLayer[] = [
  {
    base: '',
    source: 'enforcer.config.json',
    config: { rules: { 'logging/no-console': 'warn', 'errors/unhandled-risky-call': 'warn', 'errors/no-empty-catch': 'error' } },
  },
];

const hint = 'Replace `console.log(...)` with `logger.info(...)` from the project logger.';
const report = (violations: ReportedViolation[]) => reportOf('lib-a', violations, 1);

describe('stylish reporter', () => {
  it("should write out a file name's terminal escape sequences instead of sending them to the terminal", () => {
    const file = 'src/\u001b]0;pwned\u0007\u001b[2J.ts';
    const text = formatStylish(
      { ...report([reportedViolation({ file })]), notices: [{ file, code: 'binary', message: `${file} is binary` }] },
      { color: false },
    );
    expect(text).not.toContain('\u001b');
    expect(text).toContain('src/\\x1b]0;pwned\\x07\\x1b[2J.ts');
    expect(formatMarkdown(report([reportedViolation({ file })]))).not.toContain('\u001b');
  });

  it('should list generated, minified and vendored files on one line per kind, and other notices one by one', () => {
    const bundles = Array.from({ length: 7 }, (_, index) => `public/vendor/lib${index}.js`);
    const notices = [
      { file: 'big.json', code: 'too-large' as const, message: 'big.json is too large' },
      ...bundles.map((file) => ({
        file,
        code: 'vendored' as const,
        message: `${file} is vendored (copied third-party code): only the security rules checked it.`,
      })),
      { file: 'src/api.ts', code: 'generated' as const, message: 'src/api.ts is generated' },
    ];
    const text = formatStylish({ ...report([]), notices }, { color: false });
    expect(text).toContain(
      [
        'Not checked, or checked by the security rules only:',
        '  big.json is too large',
        '  7 vendored files, checked by the security rules only: public/vendor/lib0.js, public/vendor/lib1.js, ' +
          'public/vendor/lib2.js, public/vendor/lib3.js, public/vendor/lib4.js, and 2 more',
        '  1 generated file, checked by the security rules only: src/api.ts',
      ].join('\n'),
    );
  });

  it('should show the hint on an indented line under its violation, and nothing for a violation without one', () => {
    const text = formatStylish(report([reportedViolation({ line: 3, column: 7, hint }), reportedViolation({ line: 9, fingerprint: 'g' })]), { color: false });
    expect(text).toBe(
      [
        'libs/a/src/a.ts',
        '  3:7      warn   Unexpected console.log(): log through the project logger instead.  logging/no-console',
        `           ↳ ${hint}`,
        '  9:1      warn   Unexpected console.log(): log through the project logger instead.  logging/no-console',
        '',
        '⚠ 2 problems (0 errors, 2 warnings) in 1 file checked',
        '',
      ].join('\n'),
    );
  });

  it('should dim the hint in colour', () => {
    const text = formatStylish(report([reportedViolation({ hint })]), { color: true });
    expect(text).toContain(`\n           \u001b[2m↳ ${hint}\u001b[0m\n`);
  });
});

describe('JSON reporter', () => {
  it('should keep the hint in the violation object', () => {
    const parsed = JSON.parse(formatJson(report([reportedViolation({ hint })]))) as { violations: ReportedViolation[] };
    expect(parsed.violations[0]).toMatchObject({ ruleId: 'logging/no-console', hint });
  });

  it("should carry the rule's hint, with its placeholders filled, from a real run", async () => {
    const workspace = mkdtempSync(join(tmpdir(), 'enforcer-json-'));
    try {
      writeFileSync(join(workspace, 'app.ts'), 'export const data = JSON.parse(text);\n');
      const { report: run } = await runCheck({ workspaceRoot: workspace, files: [{ path: 'app.ts' }], config: new ConfigResolver(builtinRules, RULES_ON) });
      const parsed = JSON.parse(formatJson(run)) as { violations: ReportedViolation[] };
      expect(parsed.violations.map((violation) => [violation.ruleId, violation.hint])).toEqual([
        ['errors/unhandled-risky-call', expect.stringMatching(/^Wrap the JSON\.parse\(\) call in `try/)],
      ]);
    } finally {
      rmSync(workspace, { recursive: true, force: true });
    }
  });

  it('should leave the hint out where the violation has none', () => {
    const parsed = JSON.parse(formatJson(report([reportedViolation()]))) as { violations: ReportedViolation[] };
    expect(Object.keys(parsed.violations[0])).not.toContain('hint');
  });
});
