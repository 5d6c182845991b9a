import { RuleTester } from '../../testing/rule-tester';
import rule from './no-ts-ignore';

new RuleTester().run(rule, {
  valid: [
    `// @ts-expect-error -- the library's types miss the overload added in v3\nlib.call(1, 2);`,
    `// @ts-expect-error: legacy signature\nlib.call(1);`,
    `/* @ts-expect-error because of upstream types */ lib.call(1);`,
    `const help = '// @ts-ignore hides errors';`,
    'const doc = `// @ts-nocheck`;',
    `// we never use ts-ignore here\nexport {};`,
    { code: `// @ts-expect-error ok\nlib.call(1);`, options: { minimumDescriptionLength: 2 } },
  ],
  invalid: [
    { code: `// @ts-ignore\nconst x: number = 'a';`, errors: [{ messageId: 'tsIgnore', line: 1, column: 4, endColumn: 14 }] },
    { code: `/* @ts-ignore */ const x: number = 'a';`, errors: [{ messageId: 'tsIgnore', line: 1, column: 4 }] },
    { code: `// @ts-nocheck\nexport const a = 1;`, errors: [{ messageId: 'tsNocheck', line: 1 }] },
    { code: `function f() {\n  // @ts-expect-error\n  return lib.call(1);\n}`, errors: [{ messageId: 'tsExpectErrorWithoutDescription', line: 2, message: '@ts-expect-error needs a reason: add a description of at least 3 characters saying why the error is expected.' }] },
    { code: `// @ts-expect-error: x\nlib.call(1);`, errors: [{ messageId: 'tsExpectErrorWithoutDescription' }] },
    { code: `/** @ts-ignore */\nconst a = 1;`, errors: [{ messageId: 'tsIgnore' }] },
    { code: `const a = 1; // @ts-ignore\nexport default a;`, filename: 'src/a.js', errors: [{ messageId: 'tsIgnore', line: 1, column: 17 }] },
  ],
});
