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
    // Development-only warnings of a library.
    `if (isDevMode()) {\n  console.warn('selector called with too many arguments');\n}`,
    `ngDevMode && console.warn('deprecated input');`,
    `if (process.env.NODE_ENV !== 'production') console.error(message);`,
    // Opt-in diagnostics behind a flag named for them (real code: ghostfolio's portfolio calculator).
    `if (PortfolioCalculator.ENABLE_LOGGING) {\n  console.log(\`totals: \${totals}\`);\n}`,
    `if (this.options.verbose) console.info('resolved', id);`,
    { code: `export class DefaultLogger {\n  log(m: string) { console.log(m); }\n}`, filename: 'modules/data/src/utils/default-logger.ts' },
    { code: `console.log(state);`, filename: 'projects/example-app/src/app/reducers/index.ts' },
    { code: `module.exports = { onError: (error) => console.warn(error) };`, filename: 'apps/frontend/next.config.js' },
    // The team's eslint/oxlint decisions for the equivalent rule stand.
    `// eslint-disable-next-line no-console\nconsole.log('kept on purpose');`,
    `console.log('kept'); // eslint-disable-line no-console -- startup banner`,
    `/* eslint-disable no-console */\nconsole.log(a);\nconsole.warn(b);`,
    `// oxlint-disable-next-line eslint/no-console\nconsole.log(a);`,
    `// eslint-disable-next-line\nconsole.log('every rule off for this line');`,
    // Printing is the point: programs run directly, CLIs and scripts, examples, generators, bootstraps, the logger itself.
    { code: `#!/usr/bin/env node\nconsole.log('done');`, filename: 'packages/release/src/publish.ts' },
    // Declared programs: the nearest package.json's bin, also read through the compiler's output folder.
    {
      code: `console.log(program.helpInformation());`,
      filename: 'packages/tool/src/run.ts',
      files: { 'packages/tool/package.json': '{ "bin": { "tool": "./dist/run.js" } }' },
    },
    { code: `console.log('done');`, filename: 'packages/tool/lib/cli.js', files: { 'packages/tool/package.json': '{ "bin": "lib/cli.js" }' } },
    { code: `console.log('done');`, filename: 'src/cli.mts', files: { 'package.json': '{ "bin": { "x": "./dist/src/cli.mjs" } }' } },
    {
      code: `console.log('Publishing');`,
      filename: 'release/publish-latest.ts',
      files: { 'package.json': '{ "scripts": { "publish:latest": "npx tsx ./release/publish-latest.ts && git push" } }' },
    },
    { code: `console.log('Published');`, filename: 'build/publish.ts' },
    {
      code: `console.log('Seeded 3 users');`,
      filename: 'packages/prisma/seed-database.ts',
      files: { 'packages/prisma/package.json': '{ "prisma": { "seed": "tsx ./seed-database.ts" } }' },
    },
    { code: `console.error(chalk.red('Digest auth failed'));`, filename: 'packages/hoppscotch-cli/src/utils/auth/digest.ts' },
    { code: `console.log('Built 3 packages');`, filename: 'scripts/release.ts' },
    { code: `console.error('unknown command');`, filename: 'packages/cli/src/commands/init.ts' },
    { code: `program.action(() => console.log('hi'));`, filename: 'examples/greet.js' },
    { code: `console.warn('Skipping existing file');`, filename: 'libs/plugin/src/generators/library/generator.ts' },
    { code: `console.log(\`Listening on \${port}\`);`, filename: 'apps/api/src/main.ts' },
    { code: `export const logger = { info: (m: string) => console.log(m) };`, filename: 'libs/shared/src/logger.ts' },
  ],
  invalid: [
    // A condition that is not a debug flag still logs in production.
    { code: `if (user.isAdmin) console.log('admin', user);`, errors: [{ messageId: 'unexpected' }] },
    { code: `if (debugMode && failed) console.error(error);`, errors: [{ messageId: 'unexpected' }] },
    // Another file of a package with a bin is still library code; the nearest package.json decides, not the root's.
    {
      code: `console.log('x');`,
      filename: 'packages/tool/src/util.ts',
      files: { 'packages/tool/package.json': '{ "bin": { "tool": "./dist/run.js" } }' },
      errors: [{ messageId: 'unexpected' }],
    },
    {
      code: `console.log('x');`,
      filename: 'packages/lib/src/cli.ts',
      files: { 'package.json': '{ "bin": "dist/cli.js" }', 'packages/lib/package.json': '{ "name": "lib" }' },
      errors: [{ messageId: 'unexpected' }],
    },
    // A manifest that is not an object declares nothing, and breaks nothing.
    { code: `console.log('x');`, filename: 'pkg/src/a.ts', files: { 'pkg/package.json': 'null' }, errors: [{ messageId: 'unexpected' }] },
    {
      code: `console.log('x');`,
      filename: 'release/util.ts',
      files: { 'package.json': '{ "scripts": { "publish": "npx tsx ./release/publish.ts --tag=next" } }' },
      errors: [{ messageId: 'unexpected' }],
    },
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
    {
      code: `console.log('not an entry point');`,
      filename: 'src/lib/util.ts',
      options: { entryPoints: ['tools/cli/**'] },
      errors: [{ messageId: 'unexpected' }],
    },
    // Another rule's directive, a directive of another line, and a block that was enabled again do not suppress it.
    { code: `// eslint-disable-next-line no-debugger\nconsole.log(a);`, errors: [{ messageId: 'unexpected', line: 2 }] },
    { code: `// eslint-disable-next-line no-console\nfoo();\nconsole.log(a);`, errors: [{ messageId: 'unexpected', line: 3 }] },
    {
      code: `/* eslint-disable no-console */\nconsole.log(a);\n/* eslint-enable no-console */\nconsole.log(b);`,
      errors: [{ messageId: 'unexpected', line: 4 }],
    },
    { code: `const help = '// eslint-disable-next-line no-console';\nconsole.log(a);`, errors: [{ messageId: 'unexpected', line: 2 }] },
    // Not development-only: the else branch, a production check, a condition that merely mentions a mode.
    { code: `if (isDevMode()) {\n  run();\n} else {\n  console.warn('prod');\n}`, errors: [{ messageId: 'unexpected', line: 4 }] },
    { code: `if (process.env.NODE_ENV === 'production') console.log('started');`, errors: [{ messageId: 'unexpected' }] },
    // Setting entryPoints replaces the defaults; a shebang after the first line is no shebang.
    { code: `console.log('done');`, filename: 'scripts/release.ts', options: { entryPoints: ['tools/cli/**'] }, errors: [{ messageId: 'unexpected' }] },
    { code: `// #!/usr/bin/env node\nconsole.log('done');`, filename: 'libs/util/src/index.ts', errors: [{ messageId: 'unexpected', line: 2 }] },
    { code: `console.log(user);`, filename: 'apps/api/src/app/users.controller.ts', errors: [{ messageId: 'unexpected' }] },
    { code: `const App = () => <div onClick={() => console.log('click')} />;`, filename: 'src/app.tsx', errors: [{ messageId: 'unexpected', column: 39 }] },
    { code: `module.exports = () => console.log('cjs');`, filename: 'src/index.cjs', errors: [{ messageId: 'unexpected' }] },
    {
      code: `function outer() {\n  const console = fake;\n}\nconsole.log('outside the shadowing scope');`,
      errors: [{ messageId: 'unexpected', line: 4 }],
    },
    // With a logger configured, the safe fix calls it at the matching level and imports it where needed.
    {
      code: "import { format } from '@acme/logging';\nconsole.log(format(1));\n",
      options: { logger: 'logger from @acme/logging', loggerModule: '@acme/logging' },
      errors: [{ messageId: 'unexpectedWithLogger', data: { method: 'log', logger: 'logger from @acme/logging' } }],
      output: "import { format, logger } from '@acme/logging';\nlogger.info(format(1));\n",
    },
    {
      code: "import { log } from './log';\nconsole['warn']('x');\n",
      options: { logger: 'log' },
      errors: [{ messageId: 'unexpectedWithLogger' }],
      output: "import { log } from './log';\nlog.warn('x');\n",
    },
    {
      code: "console.error('e');\nconsole.log('l');\n",
      options: { logger: 'logger from @acme/logging', loggerModule: '@acme/logging', allow: ['error'] },
      errors: [{ messageId: 'unexpectedWithLogger', line: 2 }],
      output: "import { logger } from '@acme/logging';\n\nconsole.error('e');\nlogger.info('l');\n",
    },
    // A CommonJS file gets no import, so no fix.
    {
      code: "module.exports = () => console.log('x');\n",
      filename: 'src/index.cjs',
      options: { logger: 'logger from @acme/logging', loggerModule: '@acme/logging' },
      errors: [{ messageId: 'unexpectedWithLogger' }],
      output: null,
    },
  ],
});

// The safe fix: the configured logger at the matching level, imported where the file lacks it,
// and nothing where the logger's name would mean something else at the call.
const acme = { logger: 'logger from @acme/logging', loggerModule: '@acme/logging' };
const local = { logger: 'logger', loggerModule: './logging' };
const aliased = { logger: 'logger', loggerModule: '@app/logging' };
const tsconfig = { 'tsconfig.base.json': '{ "compilerOptions": { "paths": { "@app/*": ["src/app/*"] } } }' };
const logged = (count: number) => Array.from({ length: count }, () => ({ messageId: 'unexpectedWithLogger' as const }));
const everyLevel =
  "import { load } from './load';\n\nexport function start() {\n  console.log('up');\n  console.info('ready');\n  " +
  "console.warn('slow');\n  console.error(load());\n  console.debug('a');\n  console.trace('b');\n}\n";
const everyLevelFixed =
  "import { load } from './load';\nimport { logger } from '@acme/logging';\n\nexport function start() {\n  " +
  "logger.info('up');\n  logger.info('ready');\n  logger.warn('slow');\n  logger.error(load());\n  logger.debug('a');\n  " +
  "logger.debug('b');\n}\n";
new RuleTester().run(rule, {
  valid: [
    // Idempotent: the fixed file has nothing left to fix.
    { code: everyLevelFixed, options: acme },
  ],
  invalid: [
    { code: everyLevel, options: acme, errors: logged(6), output: everyLevelFixed },
    // A loggerModule of the workspace is imported only where it exists: relative, or through a tsconfig alias.
    {
      code: "console.log('x');\n",
      options: local,
      files: { 'src/logging.ts': 'export const logger = console;\n' },
      errors: logged(1),
      output: "import { logger } from './logging';\n\nlogger.info('x');\n",
    },
    { code: "console.log('x');\n", options: local, errors: logged(1), output: null },
    {
      code: "console.log('x');\n",
      options: aliased,
      files: { ...tsconfig, 'src/app/logging/index.ts': 'export const logger = console;\n' },
      errors: logged(1),
      output: "import { logger } from '@app/logging';\n\nlogger.info('x');\n",
    },
    { code: "console.log('x');\n", options: aliased, files: tsconfig, errors: logged(1), output: null },
    // A logger the file already declares, with or without loggerModule.
    {
      code: "const log = createLogger();\nglobalThis.console.info('x');\n",
      options: { logger: 'log.child' },
      errors: logged(1),
      output: "const log = createLogger();\nlog.child.info('x');\n",
    },
    // No usable logger, a method with no level, a reference that is not a call, a logger imported as a type only.
    { code: "console.log('x');\n", errors: [{ messageId: 'unexpected' }], output: null },
    { code: "console.log('x');\n", options: { logger: 'logger' }, errors: logged(1), output: null },
    { code: "console.log('x');\n", options: { logger: 'the platform logger', loggerModule: '@acme/logging' }, errors: logged(1), output: null },
    { code: 'console.table(rows);\nconsole.dir(x);\n', options: acme, errors: logged(2), output: null },
    { code: 'promise.catch(console.error);\n', options: acme, errors: logged(1), output: null },
    { code: "import type { logger } from '@acme/logging';\nconsole.log('x');\n", options: acme, errors: logged(1), output: null },
    // The logger's name means something else at the call: data, a parameter, a catch or loop variable, a local.
    { code: 'var logger = 5;\nconsole.log(logger);\n', options: acme, errors: logged(1), output: null },
    { code: 'export function f(logger: string) {\n  console.log(logger);\n}\n', options: acme, errors: logged(1), output: null },
    { code: 'try {\n  go();\n} catch (logger) {\n  console.error(logger);\n}\n', options: acme, errors: logged(1), output: null },
    { code: 'for (const logger of loggers) console.log(logger);\n', options: acme, errors: logged(1), output: null },
    { code: "function f() {\n  const logger = 'x';\n  console.log(logger);\n}\n", options: acme, errors: logged(1), output: null },
    // A local elsewhere does not shadow this call.
    {
      code: "function f() {\n  const logger = 'x';\n  return logger;\n}\nconsole.log('y');\n",
      options: acme,
      errors: logged(1),
      output: "import { logger } from '@acme/logging';\n\nfunction f() {\n  const logger = 'x';\n  return logger;\n}\nlogger.info('y');\n",
    },
    // A CommonJS file gets no import.
    { code: "module.exports = () => console.log('x');\n", filename: 'src/index.js', options: acme, errors: logged(1), output: null },
    {
      code: "export default () => console.log('x');\n",
      filename: 'src/index.js',
      options: acme,
      errors: logged(1),
      output: "import { logger } from '@acme/logging';\n\nexport default () => logger.info('x');\n",
    },
  ],
});
