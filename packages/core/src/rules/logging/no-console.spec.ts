import { RuleTester } from '../../testing/rule-tester';
import rule from './no-console';

new RuleTester().run(rule, {
  valid: [
    `const text = 'console.log("x")';`,
    `// console.log('debug')\nexport const a = 1;`,
    `/* console.error(e) */ export const b = 2;`,
    `import { console } from './logger';\nconsole.log('structured');`,
    `function log(console: { log(m: string): void }) { console.log('x'); }`,
    `const console = createLogger();\nconsole.info('ready');`,
    `myconsole.log('not the global');`,
    `logger.console.log('a property named console');`,
    { code: `console.log('in a test');`, isTestFile: true },
    { code: `console.error('allowed');`, options: { allow: ['error'] } },
    { code: `console.log('usage: tool <file>');`, filename: 'tools/cli/main.ts', options: { entryPoints: ['tools/cli/**'] } },
  ],
  invalid: [
    { code: `console.log('hello');`, errors: [{ messageId: 'unexpected', line: 1, column: 1, endColumn: 12 }] },
    {
      code: `export function f() {\n  try { work(); } catch (e) {\n    console.error(e);\n  }\n}`,
      errors: [{ messageId: 'unexpected', line: 3, column: 5, message: 'Unexpected console.error(): log through the project logger instead.' }],
    },
    { code: `console['warn']('x');`, errors: [{ messageId: 'unexpected', line: 1, column: 1 }] },
    { code: `globalThis.console.info('x');`, errors: [{ messageId: 'unexpected', line: 1, column: 1 }] },
    { code: `promise.catch(console.error);`, errors: [{ messageId: 'unexpected', line: 1, column: 15 }] },
    {
      code: `console.debug('x');`,
      options: { logger: 'Logger from @acme/logging' },
      errors: [{ messageId: 'unexpectedWithLogger', message: 'Unexpected console.debug(): use Logger from @acme/logging instead.' }],
    },
    { code: `console.error('only warn is allowed');`, options: { allow: ['warn'] }, errors: [{ messageId: 'unexpected' }] },
    { code: `console.log('not an entry point');`, filename: 'src/lib/util.ts', options: { entryPoints: ['tools/cli/**'] }, errors: [{ messageId: 'unexpected' }] },
    { code: `const App = () => <div onClick={() => console.log('click')} />;`, filename: 'src/app.tsx', errors: [{ messageId: 'unexpected', column: 39 }] },
    { code: `module.exports = () => console.log('cjs');`, filename: 'src/index.cjs', errors: [{ messageId: 'unexpected' }] },
    {
      code: `function outer() {\n  const console = fake;\n}\nconsole.log('outside the shadowing scope');`,
      errors: [{ messageId: 'unexpected', line: 4 }],
    },
  ],
});
