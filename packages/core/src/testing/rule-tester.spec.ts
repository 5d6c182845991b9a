import { defineRule } from '../engine/define-rule';
import { RuleTester, type RuleTesterCases, type TestFramework } from './rule-tester';

/**
 * A rule to test the tester with: `bad` identifiers are reported with their name and safely
 * renamed to the `replacement` option; `worse` ones get a suggestion (renamed to `better`).
 */
const rule = defineRule<'bad' | 'worse' | 'useBetter', { replacement: string }>({
  id: 'test/no-bad-names',
  meta: {
    category: 'typescript',
    defaultSeverity: 'error',
    docs: { description: 'Test rule.', rationale: 'Tests the tester.' },
    messages: { bad: 'Identifier "{{name}}" is bad.', worse: 'Identifier "worse" is worse.', useBetter: 'Rename it to "better".' },
    schema: { type: 'object', additionalProperties: false, properties: { replacement: { type: 'string', minLength: 1 } } },
    defaultOptions: { replacement: 'good' },
    fixable: 'safe',
    hasSuggestions: true,
  },
  create(context) {
    return {
      Identifier(node) {
        if (node.text === 'bad')
          context.report({ node, messageId: 'bad', data: { name: node.text }, fix: (fixer) => fixer.replaceText(node, context.options.replacement) });
        if (node.text === 'worse')
          context.report({ node, messageId: 'worse', suggest: [{ messageId: 'useBetter', fix: (fixer) => fixer.replaceText(node, 'better') }] });
      },
    };
  },
});

/** Runs the cases through a framework that records each test's outcome instead of jest's. */
function outcomes(cases: RuleTesterCases<{ replacement: string }, 'bad' | 'worse' | 'useBetter'>): Array<{ name: string; error?: string }> {
  const tests: Array<{ name: string; body: () => void }> = [];
  const path: string[] = [];
  const framework: TestFramework = {
    describe(name, body) {
      path.push(name);
      body();
      path.pop();
    },
    it(name, body) {
      tests.push({ name: [...path, name].join(' > '), body });
    },
  };
  new RuleTester(framework).run(rule, cases);
  return tests.map(({ name, body }) => {
    try {
      body();
      return { name };
    } catch (error) {
      return { name, error: (error as Error).message };
    }
  });
}

/** The one invalid case's error message, or undefined when it passed. */
function failureOf(testCase: RuleTesterCases<{ replacement: string }, 'bad' | 'worse' | 'useBetter'>['invalid'][number]): string | undefined {
  const [result] = outcomes({ valid: [], invalid: [testCase] });
  return result.error;
}

describe('RuleTester', () => {
  it('should pass cases that match what the rule reports, fixes and suggests', () => {
    const results = outcomes({
      valid: ['const fine = 1;', { code: 'const good = 1;', options: { replacement: 'ok' } }],
      invalid: [
        {
          code: 'const bad = 1;',
          errors: [{ messageId: 'bad', data: { name: 'bad' }, line: 1, column: 7, endLine: 1, endColumn: 10 }],
          output: 'const good = 1;',
        },
        {
          code: 'const bad = 1;',
          options: { replacement: 'fine' },
          errors: [{ messageId: 'bad', message: 'Identifier "bad" is bad.' }],
          output: 'const fine = 1;',
        },
        { code: 'let worse = 2;', errors: [{ messageId: 'worse', suggestions: [{ messageId: 'useBetter', output: 'let better = 2;' }] }], output: null },
      ],
    });
    expect(results).toEqual([
      { name: 'test/no-bad-names > valid > const fine = 1;' },
      { name: 'test/no-bad-names > valid > const good = 1;' },
      { name: 'test/no-bad-names > invalid > const bad = 1;' },
      { name: 'test/no-bad-names > invalid > const bad = 1;' },
      { name: 'test/no-bad-names > invalid > let worse = 2;' },
    ]);
  });

  it('should fail a valid case the rule reports', () => {
    expect(outcomes({ valid: ['const bad = 1;'], invalid: [] })[0].error).toMatch(
      /expected no violations, got:\n {2}1:7-1:10 test\/no-bad-names Identifier "bad" is bad\./,
    );
  });

  it('should fail a wrong count, line, column, messageId, data or message', () => {
    expect(failureOf({ code: 'const bad = 1, bad2 = bad;', errors: [{ messageId: 'bad' }], output: 'const good = 1, bad2 = good;' })).toMatch(
      /expected 1 violation\(s\), got 2/,
    );
    expect(failureOf({ code: 'const bad = 1;', errors: [{ messageId: 'bad', line: 2 }], output: 'const good = 1;' })).toMatch(
      /violation 1: expected line 2, got 1/,
    );
    expect(failureOf({ code: 'const bad = 1;', errors: [{ messageId: 'bad', endColumn: 9 }], output: 'const good = 1;' })).toMatch(
      /expected endColumn 9, got 10/,
    );
    expect(failureOf({ code: 'const bad = 1;', errors: [{ messageId: 'worse' }], output: 'const good = 1;' })).toMatch(
      /expected messageId "worse", got "bad" \(message "Identifier "bad" is bad\."\)/,
    );
    expect(failureOf({ code: 'const bad = 1;', errors: [{ messageId: 'bad', data: { name: 'other' } }], output: 'const good = 1;' })).toMatch(
      /with data \{"name":"other"\} the message is "Identifier "other" is bad\."/,
    );
    expect(failureOf({ code: 'const bad = 1;', errors: [{ messageId: 'bad', message: 'Identifier "x" is bad.' }], output: 'const good = 1;' })).toMatch(
      /expected message/,
    );
  });

  it('should fail a messageId the rule does not have', () => {
    const unknown = { code: 'const bad = 1;', errors: [{ messageId: 'missing' as 'bad' }], output: 'const good = 1;' };
    expect(failureOf(unknown)).toBe('unknown messageId "missing" in test case; the rule\'s are bad, worse, useBetter');
  });

  it('should fail a wrong or missing output, and an output where nothing is fixed', () => {
    expect(failureOf({ code: 'const bad = 1;', errors: [{ messageId: 'bad' }], output: 'const nice = 1;' })).toBe(
      'expected output:\nconst nice = 1;\ngot:\nconst good = 1;',
    );
    expect(failureOf({ code: 'const bad = 1;', errors: [{ messageId: 'bad' }] })).toBe('the rule fixed the code: add the expected `output`:\nconst good = 1;');
    expect(failureOf({ code: 'const bad = 1;', errors: [{ messageId: 'bad' }], output: null })).toBe('expected no fix, got output:\nconst good = 1;');
    expect(failureOf({ code: 'let worse = 2;', errors: [{ messageId: 'worse' }], output: 'let better = 2;' })).toBe(
      'expected the rule to fix the code, but it offered no fix',
    );
  });

  it('should fail wrong suggestions, and suggestions where there are none', () => {
    expect(failureOf({ code: 'let worse = 2;', errors: [{ messageId: 'worse', suggestions: [{ output: 'let best = 2;' }] }], output: null })).toMatch(
      /expected 1 suggestion\(s\) giving:\nlet best = 2;\ngot 1:\nlet better = 2;/,
    );
    expect(failureOf({ code: 'let worse = 2;', errors: [{ messageId: 'worse', suggestions: [] }], output: null })).toMatch(/expected 0 suggestion\(s\)/);
    expect(
      failureOf({ code: 'let worse = 2;', errors: [{ messageId: 'worse', suggestions: [{ messageId: 'bad', output: 'let better = 2;' }] }], output: null }),
    ).toBe('violation 1, suggestion 1: expected messageId "bad", got "useBetter"');
    expect(failureOf({ code: 'const bad = 1;', errors: [{ messageId: 'bad', suggestions: [{ output: 'x' }] }], output: 'const good = 1;' })).toMatch(
      /got 0:\n\(none\)/,
    );
  });

  it('should reject a case that repeats another, a case whose options the schema refuses, and a file the rule never runs on', () => {
    const results = outcomes({ valid: ['const fine = 1;', 'const fine = 1;'], invalid: [] });
    expect(results.map((result) => result.error)).toEqual([undefined, 'this case repeats an earlier one (same code, filename, options, files and workspace)']);
    expect(outcomes({ valid: [{ code: 'x', options: { replacement: '' } }], invalid: [] })[0].error).toBe(
      "the case's options are not valid options of test/no-bad-names: replacement: must NOT have fewer than 1 characters",
    );
    expect(outcomes({ valid: [{ code: 'bad', options: { other: 1 } as never }], invalid: [] })[0].error).toMatch(/unknown property "other"/);
    expect(outcomes({ valid: [{ code: 'const bad = 1;', filename: 'README.md' }], invalid: [] })[0].error).toBe(
      'the rule never runs on README.md (see its meta.language and meta.textFiles): the case tests nothing',
    );
  });

  it('should fail an invalid case that expects no error', () => {
    expect(failureOf({ code: 'const fine = 1;', errors: [] })).toBe('an invalid case must expect at least one error');
  });
});
