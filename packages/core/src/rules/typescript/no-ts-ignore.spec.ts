import { RuleTester } from '../../testing/rule-tester';
import rule from './no-ts-ignore';

new RuleTester().run(rule, {
  valid: [
    { code: `// @ts-ignore\nconst x: number = 'a';`, filename: 'packages/eslint-plugin/tests/fixtures/errors.ts' },
    // Tests mock what types forbid; code templates are a generator's input (real code: amplication).
    { code: `// @ts-ignore\nrecast.parse = jest.fn(() => ast);`, filename: 'packages/dsg/src/utils/ast.spec.ts', isTestFile: true },
    { code: `//@ts-ignore\nimport { theme } from "./theme";`, filename: 'packages/dsg/src/admin/app/App.template.tsx' },
    `// @ts-expect-error -- the library's types miss the overload added in v3\nlib.call(1, 2);`,
    // What the suggestions below write.
    '// @ts-expect-error -- the v3 types miss this overload\nlib.call(1, 2);',
    'function f() {\n  // @ts-expect-error: legacy signature\n  return lib.call(1);\n}',
    `// @ts-expect-error: legacy signature\nlib.call(1);`,
    `/* @ts-expect-error because of upstream types */ lib.call(1);`,
    `const help = '// @ts-ignore hides errors';`,
    'const doc = `// @ts-nocheck`;',
    `// we never use ts-ignore here\nexport {};`,
    { code: `// @ts-expect-error ok\nlib.call(1);`, options: { minimumDescriptionLength: 2 } },
    // A pragma-like text in a string between the tokens of a chain is still a string.
    `builder\n  .name('// @ts-ignore')\n  .build();`,
  ],
  invalid: [
    // No reason to keep, so no suggestion: the @ts-expect-error it would write breaks the same rule.
    { code: `// @ts-ignore\nconst x: number = 'a';`, errors: [{ messageId: 'tsIgnore', line: 1, column: 4, endColumn: 14, suggestions: [] }], output: null },
    // The suggestion keeps the reason given; what it writes is valid (see the valid cases).
    {
      code: '// @ts-ignore -- the v3 types miss this overload\nlib.call(1, 2);',
      errors: [
        {
          messageId: 'tsIgnore',
          suggestions: [{ messageId: 'useExpectError', output: '// @ts-expect-error -- the v3 types miss this overload\nlib.call(1, 2);' }],
        },
      ],
      output: null,
    },
    {
      code: 'function f() {\n  // @ts-ignore: legacy signature\n  return lib.call(1);\n}',
      errors: [
        {
          messageId: 'tsIgnore',
          line: 2,
          suggestions: [{ messageId: 'useExpectError', output: 'function f() {\n  // @ts-expect-error: legacy signature\n  return lib.call(1);\n}' }],
        },
      ],
      output: null,
    },
    {
      code: '/* @ts-ignore because of upstream types */ lib.call(1);',
      errors: [
        { messageId: 'tsIgnore', suggestions: [{ messageId: 'useExpectError', output: '/* @ts-expect-error because of upstream types */ lib.call(1);' }] },
      ],
      output: null,
    },
    { code: `/* @ts-ignore */ const x: number = 'a';`, errors: [{ messageId: 'tsIgnore', line: 1, column: 4 }] },
    { code: `// @ts-nocheck\nexport const a = 1;`, errors: [{ messageId: 'tsNocheck', line: 1, suggestions: [] }] },
    {
      code: `function f() {\n  // @ts-expect-error\n  return lib.call(1);\n}`,
      errors: [
        {
          messageId: 'tsExpectErrorWithoutDescription',
          line: 2,
          message: '@ts-expect-error needs a reason: add a description of at least 3 characters saying why the error is expected.',
        },
      ],
    },
    { code: `// @ts-expect-error: x\nlib.call(1);`, errors: [{ messageId: 'tsExpectErrorWithoutDescription' }] },
    { code: `/** @ts-ignore */\nconst a = 1;`, errors: [{ messageId: 'tsIgnore' }] },
    { code: `const a = 1; // @ts-ignore\nexport default a;`, filename: 'src/a.js', errors: [{ messageId: 'tsIgnore', line: 1, column: 17 }] },
    // Anywhere in a statement: before the `.member` line of a chain, between a call's arguments, inside a type.
    { code: `const result = query\n  .where(a)\n  // @ts-ignore\n  .select(b);`, errors: [{ messageId: 'tsIgnore', line: 3, column: 6 }] },
    { code: `call(\n  a,\n  /* @ts-ignore */ b,\n);`, errors: [{ messageId: 'tsIgnore', line: 3 }] },
    { code: `if (ready) // @ts-ignore\n{\n  go(1 as string);\n}`, errors: [{ messageId: 'tsIgnore', line: 1 }] },
  ],
});

// Where no reason can be kept, no change is offered: a reason cannot be invented, and the pragma
// the change would write without one breaks this rule's own reason check.
new RuleTester().run(rule, {
  valid: [],
  invalid: [
    {
      code: '// @ts-nocheck\nexport const a = 1;\n// @ts-expect-error\nlib.call(1);',
      errors: [
        { messageId: 'tsNocheck', suggestions: [] },
        { messageId: 'tsExpectErrorWithoutDescription', suggestions: [] },
      ],
    },
    {
      code: '// @ts-ignore\nconst x: number = "a";\n/* @ts-ignore: */ y();',
      errors: [
        { messageId: 'tsIgnore', suggestions: [] },
        { messageId: 'tsIgnore', suggestions: [] },
      ],
    },
    // Each pragma gets its own change, and one in a string is no pragma.
    {
      code: "// @ts-ignore one\na();\nconst s = '// @ts-ignore';\n/** @ts-ignore two */\nb();\n",
      errors: [
        {
          messageId: 'tsIgnore',
          line: 1,
          suggestions: [{ messageId: 'useExpectError', output: "// @ts-expect-error one\na();\nconst s = '// @ts-ignore';\n/** @ts-ignore two */\nb();\n" }],
        },
        {
          messageId: 'tsIgnore',
          line: 4,
          suggestions: [{ messageId: 'useExpectError', output: "// @ts-ignore one\na();\nconst s = '// @ts-ignore';\n/** @ts-expect-error two */\nb();\n" }],
        },
      ],
    },
  ],
});
