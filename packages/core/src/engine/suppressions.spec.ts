import { builtinRules } from '../rules';
import { lintSource } from './lint-source';
import type { ActiveRule } from './types';

const rules: ActiveRule[] = builtinRules.map((rule) => ({ rule, severity: 'error', options: rule.meta.defaultOptions }));
const lint = (text: string, options: { file?: string; reportUnusedSuppressions?: boolean } = {}) =>
  lintSource({ file: options.file ?? 'src/a.ts', text, rules, isTestFile: false, reportUnusedSuppressions: options.reportUnusedSuppressions }).violations.map(
    (violation) => `${violation.line} ${violation.ruleId}`,
  );

describe('suppression comments', () => {
  it('should suppress the named rule on the next line only, and keep other rules there', () => {
    const text = [`// enforcer-disable-next-line logging/no-console -- CLI output`, `console.log(value as any);`, `console.log('not suppressed');`].join('\n');
    expect(lint(text)).toEqual(['2 typescript/no-explicit-any', '3 logging/no-console']);
  });

  it('should accept several rules separated by commas, in block comments too', () => {
    const text = `/* enforcer-disable-next-line logging/no-console, typescript/no-explicit-any -- migration */\nconsole.log(value as any);`;
    expect(lint(text)).toEqual([]);
  });

  it('should suppress a block between disable and enable', () => {
    const text = [
      `console.log(1);`,
      `/* enforcer-disable logging/no-console -- generated section */`,
      `console.log(2);`,
      `console.log(3);`,
      `/* enforcer-enable logging/no-console */`,
      `console.log(4);`,
    ].join('\n');
    expect(lint(text)).toEqual(['1 logging/no-console', '6 logging/no-console']);
  });

  it('should suppress a rule in the whole file', () => {
    const text = `/* enforcer-disable-file logging/no-console -- this file is the CLI's printer */\nconsole.log(1);\n\nconsole.error(2);`;
    expect(lint(text)).toEqual([]);
  });

  it('should suppress every rule when no rule is named', () => {
    expect(lint(`// enforcer-disable-next-line -- vendored snippet\nconsole.log(value as any);`)).toEqual([]);
  });

  it('should report a suppression without a reason as a warning, and still honour it', () => {
    const result = lintSource({ file: 'src/a.ts', text: `// enforcer-disable-next-line logging/no-console\nconsole.log(1);`, rules, isTestFile: false });
    expect(result.violations).toEqual([
      expect.objectContaining({
        ruleId: 'suppression/missing-reason',
        severity: 'warn',
        line: 1,
        column: 4,
        message: expect.stringContaining('add " -- <why>"'),
      }),
    ]);
  });

  it('should only take a directive that opens its comment', () => {
    const text = `/** Reports \`enforcer-disable\` comments that do nothing. */\nconsole.log(1); // see enforcer-disable-next-line docs`;
    expect(lint(text, { reportUnusedSuppressions: true })).toEqual(['2 logging/no-console']);
  });

  it('should ignore directive text inside strings and templates', () => {
    const text = "const a = '// enforcer-disable-next-line logging/no-console -- no';\nconsole.log(a);\nconst b = `/* enforcer-disable-file */`;";
    expect(lint(text)).toEqual(['2 logging/no-console']);
  });

  it('should report unused suppressions only when asked to', () => {
    const text = `// enforcer-disable-next-line logging/no-console -- was needed once\nexport const a = 1;`;
    expect(lint(text)).toEqual([]);
    expect(lint(text, { reportUnusedSuppressions: true })).toEqual(['1 suppression/unused']);
  });

  it('should not report a used suppression as unused', () => {
    expect(lint(`// enforcer-disable-next-line logging/no-console -- CLI\nconsole.log(1);`, { reportUnusedSuppressions: true })).toEqual([]);
  });

  it('should work in text files with any comment syntax', () => {
    const secretRules = rules.filter((active) => active.rule.id === 'security/no-secrets');
    const key = ['AKIA', 'BCDEFGHIJKLMNOPQ'].join('');
    const suppressed = `# enforcer-disable-next-line security/no-secrets -- documented example key\nAWS_KEY=${key}\n`;
    expect(lintSource({ file: '.env', text: suppressed, rules: secretRules, isTestFile: false }).violations).toEqual([]);
    const unsuppressed = `# an example key\nAWS_KEY=${key}\n`;
    expect(lintSource({ file: '.env', text: unsuppressed, rules: secretRules, isTestFile: false }).violations.map((v) => v.line)).toEqual([2]);
  });
});
