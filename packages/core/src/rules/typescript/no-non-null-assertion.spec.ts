import { RuleTester } from '../../testing/rule-tester';
import rule from './no-non-null-assertion';

new RuleTester().run(rule, {
  valid: [
    { code: `const name = user!.name;`, filename: 'src/__fixtures__/non-null.ts' },
    `const name = user?.name ?? 'anonymous';`,
    `if (a !== b && !done) { run(); }`,
    `const text = 'value!';`,
    `let definite!: string;`,
    `// user!.name\nexport {};`,
    `// eslint-disable-next-line @typescript-eslint/no-non-null-assertion\nconst name = user!.name;`,
    `// oxlint-disable-next-line typescript/no-non-null-assertion -- checked above\nconst name = user!.name;`,
  ],
  invalid: [
    { code: `const name = user!.name;`, errors: [{ messageId: 'nonNullAssertion', line: 1, column: 14, endColumn: 19 }] },
    { code: `const el = document.getElementById('app')!;`, errors: [{ messageId: 'nonNullAssertion' }] },
    {
      code: `map.get(key)!.push(value);\nconst first = items[0]!;`,
      errors: [
        { messageId: 'nonNullAssertion', line: 1 },
        { messageId: 'nonNullAssertion', line: 2 },
      ],
    },
  ],
});
