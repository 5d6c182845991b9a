import { defineRule } from './define-rule';
import { lintSource, PARSE_ERROR_RULE_ID } from './lint-source';
import { defineFileService, defineTextService, RunServices } from './rule-services';
import type { ActiveRule, FileRuleMeta, Rule, RuleContext } from './types';
import noConsole from '../rules/logging/no-console';

const active = (rule: Rule<string, unknown>, severity: 'error' | 'warn' = 'warn'): ActiveRule => ({
  rule,
  severity,
  options: rule.meta.defaultOptions,
});

/** The metadata of a test rule with one message, `found`. */
const testMeta = (
  category: 'typescript' | 'security',
  found: string,
  extra: Pick<Partial<FileRuleMeta<'found', Record<string, never>>>, 'keywords' | 'hints'> = {},
): FileRuleMeta<'found', Record<string, never>> => ({
  category,
  defaultSeverity: 'warn' as const,
  docs: { description: 'test', rationale: 'test' },
  messages: { found },
  schema: { type: 'object' as const, additionalProperties: false },
  defaultOptions: {},
  ...extra,
});

const identifierCounter = (calls: string[]) =>
  defineRule<'found', Record<string, never>>({
    id: 'typescript/test-identifiers',
    meta: testMeta('typescript', 'found {{name}}', { keywords: ['needle'] }),
    create(context) {
      calls.push(context.file);
      return {
        Identifier(node) {
          if (node.text === 'needle') context.report({ node, messageId: 'found', data: { name: node.text } });
        },
      };
    },
  });

// Built at run time: the repository's own check scans its specs for secrets.
const plantedKey = ['AKIA', 'Q7XK2M4PLR8WZ3NV'].join('');

describe('lintSource and secrets', () => {
  it('should quote only rule ids from a suppression without a reason, never the rest of the comment', () => {
    const text = `<!-- enforcer-disable-next-line security/no-secrets - revoked ${plantedKey} -->\nNothing here.\n`;
    const { violations } = lintSource({ file: 'docs/notes.md', text, rules: [active(noConsole)], isTestFile: false, reportUnusedSuppressions: true });
    const missing = violations.find((violation) => violation.ruleId === 'suppression/missing-reason');
    expect(missing?.message).toBe(
      'Suppression without a reason: add " -- <why>" after the rule ids (enforcer-disable-next-line security/no-secrets -- ' +
        '<why>); 3 words after the rule ids are not a rule id.',
    );
    expect(JSON.stringify(violations)).not.toContain(plantedKey.slice(4));
  });

  it('should end a line at a lone carriage return, so a directive does not run on to the end of the file', () => {
    const text = `const a = 1;\r// enforcer-disable-next-line logging/no-console\rconsole.log(a);\rconst key = '${plantedKey}';\r`;
    const { violations } = lintSource({ file: 'src/mac.ts', text, rules: [active(noConsole)], isTestFile: false });
    expect(violations.map((violation) => [violation.ruleId, violation.line])).toEqual([['suppression/missing-reason', 2]]);
    expect(JSON.stringify(violations)).not.toContain(plantedKey.slice(4));
  });

  it('should mask a secret a rule puts in its message, and one in the error of a rule that fails', () => {
    const leaky = defineRule<'found', Record<string, never>>({
      id: 'security/test-leaky',
      meta: testMeta('security', 'found {{value}}', { hints: { found: 'remove {{value}}' } }),
      create(context) {
        return {
          Text(text) {
            const value = text.trim();
            context.report({ range: [0, 1], messageId: 'found', data: { value } });
            throw new Error(`cannot handle ${value}`);
          },
        };
      },
    });
    const result = lintSource({ file: 'config/keys.txt', text: `${plantedKey}\n`, rules: [active(leaky)], isTestFile: false });
    expect(result.notices.map((notice) => notice.message)).toEqual([
      'config/keys.txt: rule security/test-leaky failed on this file and was skipped for it: cannot handle AKIA…',
    ]);
    expect(JSON.stringify(result)).not.toContain(plantedKey.slice(4));
  });
});

describe('lintSource', () => {
  it('should report violations with 1-based ranges, the effective severity and a fingerprint', () => {
    const { violations } = lintSource({ file: 'src/a.ts', text: `const a = 1;\n  console.log(a);\n`, rules: [active(noConsole, 'error')], isTestFile: false });
    expect(violations).toEqual([
      expect.objectContaining({ ruleId: 'logging/no-console', severity: 'error', file: 'src/a.ts', line: 2, column: 3, endLine: 2, endColumn: 14 }),
    ]);
    expect(violations[0].fingerprint).toMatch(/^[0-9a-f]{20}$/);
  });

  it('should not parse or run a rule whose keywords do not occur in the file', () => {
    const calls: string[] = [];
    const result = lintSource({ file: 'src/a.ts', text: 'const haystack = 1;', rules: [active(identifierCounter(calls))], isTestFile: false });
    expect(result.violations).toEqual([]);
    expect(calls).toEqual([]);
  });

  it('should run a rule whose keyword occurs and fill message placeholders', () => {
    const calls: string[] = [];
    const result = lintSource({ file: 'src/a.ts', text: 'const needle = 1;', rules: [active(identifierCounter(calls))], isTestFile: false });
    expect(calls).toEqual(['src/a.ts']);
    expect(result.violations.map((v) => v.message)).toEqual(['found needle']);
  });

  it('should report a file that does not parse as one parse-error and run no rule on it', () => {
    const result = lintSource({ file: 'src/broken.ts', text: 'console.log(\nconst = ;', rules: [active(noConsole)], isTestFile: false });
    expect(result.violations).toHaveLength(1);
    expect(result.violations[0]).toMatchObject({ ruleId: PARSE_ERROR_RULE_ID, severity: 'error', file: 'src/broken.ts', line: 2 });
    expect(result.violations[0].message).toMatch(/^Parsing error: /);
  });

  it("should honour other linters' comments naming an equivalent rule, without asking them for a reason or calling them unused, unless turned off", () => {
    const rule = noConsole;
    expect(rule.meta.equivalents).toEqual({ eslint: ['no-console'] });
    const text = '// eslint-disable-next-line no-console\nconsole.log(a);\nconsole.log(b); // eslint-disable-line no-console\n';
    const honoured = lintSource({ file: 'src/a.ts', text, rules: [active(rule)], isTestFile: false, reportUnusedSuppressions: true });
    expect(honoured.violations).toEqual([]);
    const off = lintSource({ file: 'src/a.ts', text, rules: [active(rule)], isTestFile: false, otherLinterSuppressions: false });
    expect(off.violations.map((violation) => [violation.ruleId, violation.line])).toEqual([
      [rule.id, 2],
      [rule.id, 3],
    ]);
    const unused = lintSource({
      file: 'src/a.ts',
      text: '// eslint-disable-next-line no-console\nconsole.log(a);\nok();\n',
      rules: [active(rule)],
      isTestFile: false,
      reportUnusedSuppressions: true,
    });
    expect(unused.violations).toEqual([]);
  });

  it('should report the parse error of a test file as a warning (shown, not blocking) and none for fixture data, invalid on purpose', () => {
    const result = lintSource({
      file: 'tests/fixtures/invalid_syntax.ts',
      text: 'const needle\nconst = ;',
      rules: [active(identifierCounter([]))],
      isTestFile: true,
    });
    expect(result.violations).toEqual([]);
    const test = lintSource({ file: 'src/app.spec.ts', text: 'const needle\nconst = ;', rules: [active(identifierCounter([]))], isTestFile: true });
    expect(test.violations).toEqual([expect.objectContaining({ ruleId: PARSE_ERROR_RULE_ID, severity: 'warn', line: 2 })]);
  });

  it('should keep the other rules running when one rule throws, and report the failure as a notice', () => {
    const broken = defineRule<'never', Record<string, never>>({
      id: 'errors/broken-rule',
      meta: { ...identifierCounter([]).meta, category: 'errors', messages: { never: 'never' }, hints: undefined, keywords: undefined },
      create: () => ({
        CallExpression() {
          throw new Error('boom');
        },
      }),
    });
    const result = lintSource({ file: 'src/a.ts', text: 'console.log(1); console.log(2);', rules: [active(broken), active(noConsole)], isTestFile: false });
    expect(result.violations.map((v) => v.ruleId)).toEqual(['logging/no-console', 'logging/no-console']);
    expect(result.notices).toEqual([{ file: 'src/a.ts', code: 'rule-error', message: expect.stringContaining('errors/broken-rule failed on this file') }]);
  });

  it('should keep fingerprints when unrelated lines are added above, and tell identical lines apart', () => {
    const before = `console.log('x');\nconsole.log('x');\n`;
    const after = `import { a } from './a';\n\nexport const b = a;\n${before}`;
    const run = (text: string) => lintSource({ file: 'src/a.ts', text, rules: [active(noConsole)], isTestFile: false }).violations;
    const first = run(before);
    const second = run(after);
    expect(second.map((v) => v.line)).toEqual([4, 5]);
    expect(second.map((v) => v.fingerprint)).toEqual(first.map((v) => v.fingerprint));
    expect(new Set(first.map((v) => v.fingerprint)).size).toBe(2);
  });

  it('should change the fingerprint when the flagged line changes or the file is another', () => {
    const run = (file: string, text: string) => lintSource({ file, text, rules: [active(noConsole)], isTestFile: false }).violations[0].fingerprint;
    const base = run('src/a.ts', `console.log('x');`);
    expect(run('src/a.ts', `console.log('y');`)).not.toBe(base);
    expect(run('src/b.ts', `console.log('x');`)).not.toBe(base);
    expect(run('src/a.ts', `    console.log('x');`)).toBe(base);
  });

  it('should walk deeply nested code', () => {
    const depth = 500;
    const text = `export const x = ${'['.repeat(depth)}console.log(1)${']'.repeat(depth)};`;
    const result = lintSource({ file: 'src/deep.ts', text, rules: [active(noConsole)], isTestFile: false });
    expect(result.violations.map((v) => v.ruleId)).toEqual(['logging/no-console']);
  });

  it('should report code nested too deeply for the parser as a parse error instead of crashing', () => {
    const depth = 50_000;
    const text = `${'['.repeat(depth)}console.log(1)${']'.repeat(depth)};`;
    const result = lintSource({ file: 'src/deep.ts', text, rules: [active(noConsole)], isTestFile: false });
    expect(result.violations).toEqual([
      expect.objectContaining({ ruleId: PARSE_ERROR_RULE_ID, file: 'src/deep.ts', message: expect.stringContaining('nested too deeply') }),
    ]);
  });

  it('should check nothing in files it does not parse', () => {
    const result = lintSource({ file: 'README.md', text: 'console.log()', rules: [active(noConsole)], isTestFile: false });
    expect(result).toEqual({ violations: [], notices: [] });
  });

  describe('other files a rule reads', () => {
    const reader = defineRule<'found', Record<string, never>>({
      id: 'typescript/test-reader',
      meta: {
        category: 'typescript',
        defaultSeverity: 'error',
        docs: { description: 'test', rationale: 'test' },
        messages: { found: 'found: {{what}}' },
        schema: { type: 'object', additionalProperties: false },
        defaultOptions: {},
      },
      create(context) {
        return {
          Text() {
            const shared = context.readFile('src/shared.ts');
            context.readFile('src/missing.ts');
            context.readFile('../outside.ts');
            context.readFile('src/a.ts');
            if (shared?.includes('unsafe')) context.report({ range: [0, 1], messageId: 'found', data: { what: 'unsafe' }, severity: 'warn' });
          },
        };
      },
    });
    const files: Record<string, string> = { 'src/shared.ts': 'unsafe', '../outside.ts': 'x', 'src/a.ts': 'self' };
    const readFile = (path: string) => files[path];

    it('should record what each read gave as a dependency of the result, with `-` for a missing file', () => {
      const result = lintSource({ file: 'src/a.ts', text: 'x', rules: [active(reader, 'error')], isTestFile: false, readFile });
      expect(result.dependencies).toEqual({ 'src/missing.ts': '-', 'src/shared.ts': expect.stringMatching(/^[0-9a-f]{20}$/) });
      const other = lintSource({
        file: 'src/a.ts',
        text: 'x',
        rules: [active(reader, 'error')],
        isTestFile: false,
        readFile: (path) => (path === 'src/shared.ts' ? 'safe' : undefined),
      });
      expect(other.dependencies?.['src/shared.ts']).not.toBe(result.dependencies?.['src/shared.ts']);
    });

    it('should not read outside the workspace or the file itself, and read nothing without a reader', () => {
      const seen: string[] = [];
      lintSource({ file: 'src/a.ts', text: 'x', rules: [active(reader, 'error')], isTestFile: false, readFile: (path) => (seen.push(path), files[path]) });
      expect(seen).toEqual(['src/shared.ts', 'src/missing.ts']);
      const unread = lintSource({ file: 'src/a.ts', text: 'x', rules: [active(reader, 'error')], isTestFile: false });
      expect(unread.dependencies).toBeUndefined();
      expect(unread.violations).toEqual([]);
    });

    it('should give a rule nothing for a path it may not read, record it as missing, and say so in one notice per rule', () => {
      const seen: string[] = [];
      const canRead = (path: string, ruleId: string) => ruleId === 'typescript/test-reader' && path !== 'src/shared.ts';
      const result = lintSource({
        file: 'src/a.ts',
        text: 'x',
        rules: [active(reader, 'error')],
        isTestFile: false,
        readFile: (path) => (seen.push(path), files[path]),
        canRead,
      });
      expect(seen).toEqual(['src/missing.ts']);
      expect(result.violations).toEqual([]);
      expect(result.dependencies).toEqual({ 'src/missing.ts': '-', 'src/shared.ts': '-' });
      expect(result.notices).toEqual([
        {
          file: 'src/a.ts',
          code: 'not-an-input',
          message: expect.stringMatching(
            /^src\/a\.ts: rule typescript\/test-reader could not read src\/shared\.ts: not an input of this task \(git-ignored, or outside the project/,
          ),
        },
      ]);
    });

    it('should let a report lower its severity to warn, never raise it', () => {
      const asError = lintSource({ file: 'src/a.ts', text: 'x', rules: [active(reader, 'error')], isTestFile: false, readFile });
      expect(asError.violations.map((v) => v.severity)).toEqual(['warn']);
    });
  });
});

describe('lintSource: diagnostics with ids, lazy fixes, skipped test files', () => {
  /** Reports every `legacy` identifier with a fix and a suggestion that record when they run. */
  const fixing = (computed: string[]) =>
    defineRule<'legacy' | 'rename', Record<string, never>>({
      id: 'typescript/test-legacy',
      meta: {
        ...testMeta('typescript', 'found {{name}}: rename it'),
        messages: { legacy: 'found {{name}}: rename it', rename: 'Rename it: to modern.' },
        hints: {},
        fixable: 'safe',
        hasSuggestions: true,
        testFiles: 'skip',
      },
      create(context) {
        return {
          Identifier(node) {
            if (node.text !== 'legacy') return;
            context.report({
              node,
              messageId: 'legacy',
              data: { name: node.text, line: 1 },
              fix: (fixer) => {
                computed.push('fix');
                return fixer.replaceText(node, 'current');
              },
              suggest: [
                {
                  messageId: 'rename',
                  fix: (fixer) => {
                    computed.push('suggestion');
                    return [fixer.insertTextBefore(node, 'modern_'), fixer.insertTextAfter(node, '_v2')];
                  },
                },
              ],
            });
          },
        };
      },
    });

  it("should give every violation its message id and its data as text, the engine's own findings too", () => {
    const { violations } = lintSource({ file: 'src/a.ts', text: 'const legacy = 1;\nconst x = (;', rules: [active(fixing([]))], isTestFile: false });
    expect(violations.map(({ ruleId, messageId, data }) => ({ ruleId, messageId, data }))).toEqual([
      { ruleId: PARSE_ERROR_RULE_ID, messageId: 'syntaxError', data: undefined },
    ]);
    const [found] = lintSource({ file: 'src/a.ts', text: 'const legacy = 1;', rules: [active(fixing([]))], isTestFile: false }).violations;
    expect(found).toMatchObject({ messageId: 'legacy', data: { line: '1', name: 'legacy' } });
  });

  it('should compute no fix unless fixes are asked for, and none for a suppressed finding', () => {
    const computed: string[] = [];
    const rule = fixing(computed);
    expect(lintSource({ file: 'src/a.ts', text: 'const legacy = 1;', rules: [active(rule)], isTestFile: false }).violations).toHaveLength(1);
    expect(computed).toEqual([]);
    const suppressed = '// enforcer-disable-next-line typescript/test-legacy -- kept for the old API\nconst legacy = 1;';
    expect(lintSource({ file: 'src/a.ts', text: suppressed, rules: [active(rule)], isTestFile: false, collectFixes: true }).fixes).toEqual([]);
    expect(computed).toEqual([]);
  });

  it("should tie each fix and suggestion to its violation, with the kind and the suggestion's message", () => {
    const computed: string[] = [];
    const { violations, fixes = [] } = lintSource({
      file: 'src/a.ts',
      text: 'const legacy = 1;',
      rules: [active(fixing(computed))],
      isTestFile: false,
      collectFixes: true,
    });
    expect(computed).toEqual(['fix', 'suggestion']);
    expect(fixes).toEqual([
      { violation: violations[0], fix: { kind: 'safe', edits: [{ start: 6, end: 12, text: 'current' }] } },
      {
        violation: violations[0],
        fix: {
          kind: 'suggestion',
          edits: [
            { start: 6, end: 6, text: 'modern_' },
            { start: 12, end: 12, text: '_v2' },
          ],
        },
        suggestion: { messageId: 'rename', message: 'Rename it: to modern.' },
      },
    ]);
  });

  /** A rule that reports the file's first character, with `extra` meta and report fields. */
  const firstCharacter = (name: string, meta: Partial<FileRuleMeta<'found', Record<string, never>>>, extra: { fix?: unknown; suggest?: unknown } = {}) =>
    defineRule<'found', Record<string, never>>({
      id: `typescript/test-${name}`,
      meta: { ...testMeta('typescript', 'found: it'), ...meta },
      create: (context) => ({ Text: () => context.report({ range: [0, 1], messageId: 'found', ...(extra as { fix?: () => null; suggest?: [] }) }) }),
    });

  it('should turn a fix that throws into a notice and keep the violation', () => {
    const broken = firstCharacter(
      'broken-fix',
      { fixable: 'safe' },
      {
        fix: () => {
          throw new Error('no edit for you');
        },
      },
    );
    const result = lintSource({ file: 'src/a.ts', text: 'x;', rules: [active(broken)], isTestFile: false, collectFixes: true });
    expect(result.violations).toHaveLength(1);
    expect(result.fixes).toEqual([]);
    expect(result.notices.map((notice) => notice.message)).toEqual([
      'src/a.ts: rule typescript/test-broken-fix its fix failed and was not offered: no edit for you',
    ]);
  });

  it('should refuse a fix given as data (the eager API) by name, as a rule error', () => {
    const eager = firstCharacter('eager-fix', { fixable: 'safe' }, { fix: { kind: 'safe', edits: [] } });
    const result = lintSource({ file: 'src/a.ts', text: 'x;', rules: [active(eager)], isTestFile: false });
    expect(result.notices[0].message).toContain(
      'rule typescript/test-eager-fix failed on this file and was skipped for it: rule typescript/test-eager-fix reported a fix that is not a function',
    );
  });

  it('should refuse suggestions from a rule whose meta does not say it offers them, as a rule error', () => {
    const undeclared = firstCharacter('undeclared-suggestions', {}, { suggest: [{ messageId: 'found', fix: () => null }] });
    const result = lintSource({ file: 'src/a.ts', text: 'x;', rules: [active(undeclared)], isTestFile: false });
    expect(result.violations).toEqual([]);
    expect(result.notices[0].message).toContain('rule typescript/test-undeclared-suggestions offered suggestions but its meta.hasSuggestions is not true');
  });

  it("should not run a rule with fixtureFiles: 'skip' on fixture data (a code template), and run it elsewhere", () => {
    const onAny = firstCharacter('fixtures', { fixtureFiles: 'skip' });
    expect(lintSource({ file: 'src/page.template.ts', text: 'x;', rules: [active(onAny)], isTestFile: false }).violations).toEqual([]);
    expect(lintSource({ file: 'src/page.ts', text: 'x;', rules: [active(onAny)], isTestFile: false }).violations).toHaveLength(1);
  });

  it("should not run a rule with testFiles: 'skip' on a test file, and still parse the file", () => {
    const computed: string[] = [];
    const onTest = lintSource({ file: 'src/a.spec.ts', text: 'const legacy = 1;\nconst x = (;', rules: [active(fixing(computed))], isTestFile: true });
    expect(onTest.violations.map((v) => v.ruleId)).toEqual([PARSE_ERROR_RULE_ID]);
    expect(lintSource({ file: 'src/a.spec.ts', text: 'const legacy = 1;', rules: [active(fixing(computed))], isTestFile: true }).violations).toEqual([]);
  });
});

describe('lintSource: services', () => {
  const counted = <T>(value: T) => {
    const calls: string[] = [];
    return {
      calls,
      file: defineFileService('test file service', ({ file }) => (calls.push(file), value)),
      text: defineTextService('test text service', 2, (path) => (calls.push(path), value)),
    };
  };
  const asking = (name: string, ask: (context: RuleContext<'found', Record<string, never>>) => void) =>
    defineRule<'found', Record<string, never>>({
      id: `typescript/test-${name}`,
      meta: testMeta('typescript', 'found: it'),
      create(context) {
        return { Text: () => ask(context) };
      },
    });

  it('should derive a file service once per file, for every rule that asks', () => {
    const { calls, file } = counted(1);
    const rules = [active(asking('a', (context) => context.service(file))), active(asking('b', (context) => context.service(file)))];
    lintSource({ file: 'src/a.ts', text: 'x;', rules, isTestFile: false });
    lintSource({ file: 'src/b.ts', text: 'x;', rules, isTestFile: false });
    expect(calls).toEqual(['src/a.ts', 'src/b.ts']);
  });

  it('should derive a text service once per run while the text is unchanged, and again once it changes', () => {
    const { calls, text } = counted(1);
    let schema = 'model A {}';
    const rules = [active(asking('a', (context) => context.derive(text, 'prisma/schema.prisma', schema)))];
    const services = new RunServices();
    lintSource({ file: 'src/a.ts', text: 'x;', rules, isTestFile: false, services });
    lintSource({ file: 'src/b.ts', text: 'x;', rules, isTestFile: false, services });
    schema = 'model B {}';
    lintSource({ file: 'src/c.ts', text: 'x;', rules, isTestFile: false, services });
    lintSource({ file: 'src/d.ts', text: 'x;', rules, isTestFile: false });
    expect(calls).toEqual(['prisma/schema.prisma', 'prisma/schema.prisma', 'prisma/schema.prisma']);
  });
});
