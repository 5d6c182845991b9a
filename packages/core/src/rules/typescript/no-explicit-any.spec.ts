import { RuleTester } from '../../testing/rule-tester';
import rule from './no-explicit-any';

new RuleTester().run(rule, {
  valid: [
    // ESLint counts "next line" from where a block comment closes; the directive may open the comment's second line.
    `interface Processor {\n  /*\n  eslint-disable-next-line @typescript-eslint/no-explicit-any --\n  intentionally any for ` +
      `bi-directional assignment\n  */\n  postprocess?: (messages: any) => any;\n}`,
    `/* eslint-disable-next-line @typescript-eslint/no-explicit-any -- legacy */\nconst value: any = input;`,
    { code: `const value: any = input;`, filename: 'packages/parser/tests/fixtures/basics/any.ts' },
    `const value: unknown = JSON.parse(text);`,
    `// any type is fine in a comment\nexport const company = 'Any Corp';`,
    `const anyValue = 1; function many(): number { return anyValue; }`,
    `type Keys = keyof typeof config;`,
    `const message = 'accepts any input';`,
    { code: `function log(...args: any[]): void {}`, options: { ignoreRestArgs: true } },
    { code: `function log(...args: Array<any>): void {}`, options: { ignoreRestArgs: true } },
  ],
  invalid: [
    // The line after the comment closes, not the line after the directive's first line.
    {
      code: `/*\neslint-disable-next-line @typescript-eslint/no-explicit-any --\nreason\n*/\nconst a = 1;\nconst value: any = input;`,
      errors: [{ messageId: 'unexpectedAny', line: 6 }],
    },
    { code: `let value: any;`, errors: [{ messageId: 'unexpectedAny', line: 1, column: 12, endColumn: 15 }] },
    { code: `function parse(input: string): any {\n  return input;\n}`, errors: [{ messageId: 'unexpectedAny', line: 1, column: 32 }] },
    {
      code: `const list: Array<any> = [];\nconst map = new Map<string, any>();`,
      errors: [
        { messageId: 'unexpectedAny', line: 1 },
        { messageId: 'unexpectedAny', line: 2 },
      ],
    },
    { code: `const x = value as any;`, errors: [{ messageId: 'unexpectedAny' }] },
    { code: `function log(...args: any[]): void {}`, errors: [{ messageId: 'unexpectedAny' }] },
    { code: `function first(items: any[]): void {}`, options: { ignoreRestArgs: true }, errors: [{ messageId: 'unexpectedAny' }] },
    { code: `interface Props { onChange(value: any): void }`, filename: 'src/props.tsx', errors: [{ messageId: 'unexpectedAny' }] },
  ],
});
