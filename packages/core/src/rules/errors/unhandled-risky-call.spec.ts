import { RuleTester } from '../../testing/rule-tester';
import rule from './unhandled-risky-call';

new RuleTester().run(rule, {
  valid: [
    `try { const data = JSON.parse(text); use(data); } catch (error) { logger.warn(error); }`,
    `import { readFileSync } from 'node:fs';\nfunction load() {\n  try {\n    return readFileSync('a.json', 'utf8');\n  } ` +
      `catch {\n    return undefined;\n  }\n}`,
    `import * as fs from 'fs';\ntry { fs.mkdirSync('out'); } catch (e) { handle(e); }`,
    `/**\n * Reads the config.\n * @throws when the file is missing or invalid\n */\nfunction readConfig(path: string) {\n  ` +
      `return JSON.parse(readText(path));\n}`,
    `fetch(url).then((response) => response.json()).catch(reportError);`,
    `fetch(url).then(render, showError);`,
    `async function load() {\n  try {\n    const response = await fetch(url);\n    return await response.json();\n  } catch ` +
      `(error) {\n    return fallback(error);\n  }\n}`,
    `async function loadAll() {\n  try {\n    await Promise.all([fetch(a), fetch(b)]);\n  } catch (error) {\n    report(error);\n  }\n}`,
    `function get(url: string) {\n  return fetch(url);\n}`,
    `const get = (url: string) => fetch(url).then((r) => r.json());`,
    `import { readFile } from 'fs/promises';\nreadFile('a').catch(() => undefined);`,
    `const parse = JSON.stringify(value);`,
    `const copy = JSON.parse(JSON.stringify(state));`,
    `const text = 'JSON.parse(input)';`,
    `// JSON.parse(input) would throw here\nexport {};`,
    `import { readFileSync } from './my-fs';\nreadFileSync('a');`,
    { code: `const data = JSON.parse(text);`, isTestFile: true },
    { code: `const data = JSON.parse(text);`, options: { calls: ['yaml:parse'] } },
    // Scripts fail loudly by design; a literal URL cannot be invalid.
    { code: `const pkg = JSON.parse(readFileSync('package.json', 'utf8'));`, filename: 'tools/scripts/release.ts' },
    { code: `#!/usr/bin/env node\nconst pkg = JSON.parse(text);`, filename: 'packages/cli/src/build.ts' },
    `const api = new URL('https://api.acme.com/v1/');`,
    `const here = new URL('.', import.meta.url);`,
    // A local binding is not the global it is named after.
    `const fetch = useFetch();\nfetch('/api/items');`,
    `function load(fetch: Fetcher) {\n  return fetch('/a').then(render);\n}\nfunction run(fetch: Fetcher) {\n  fetch('/b');\n}`,
    `const JSON = yaml;\nconst data = JSON.parse(text);`,
    `function page() {\n  const { fetch } = useApi();\n  fetch('/items');\n}`,
    // Every caller of the local helper handles the failure.
    `function readConfig() {\n  return JSON.parse(text);\n}\ntry {\n  readConfig();\n} catch (error) {\n  report(error);\n}`,
    `async function load() {\n  const response = await fetch(url);\n  return response.json();\n}\nload().catch(report);\n` +
      `async function main() {\n  try {\n    await load();\n  } catch (error) {\n    report(error);\n  }\n}`,
    `const parse = (text: string) => JSON.parse(text);\ntry { parse(a); parse(b); } catch { fallback(); }`,
  ],
  invalid: [
    // A URL from input, or relative to something other than the module, can be invalid.
    { code: `const link = new URL(path, baseUrl);`, errors: [{ messageId: 'unhandledCall' }] },
    { code: `const link = new URL('/items', process.env.API_URL);`, errors: [{ messageId: 'unhandledCall' }] },
    { code: `const link = new URL('not a url');`, errors: [{ messageId: 'unhandledCall' }] },
    // Shadowing is per scope: the global outside the scope that declares the local one.
    { code: `function page() {\n  const fetch = useFetch();\n  fetch('/a');\n}\nfetch('/b');`, errors: [{ messageId: 'unhandledPromise', line: 5 }] },
    // A helper with one unhandled caller, an exported one, or one passed as a value is not excused.
    {
      code: `function readConfig() {\n  return JSON.parse(text);\n}\ntry {\n  readConfig();\n} catch (error) {\n  report(error);\n}\nreadConfig();`,
      errors: [{ messageId: 'unhandledCall', line: 2 }],
    },
    {
      code: `export function readConfig() {\n  return JSON.parse(text);\n}\ntry { readConfig(); } catch { fallback(); }`,
      errors: [{ messageId: 'unhandledCall', line: 2 }],
    },
    {
      code: `const parse = (text: string) => JSON.parse(text);\ntry { parse(a); } catch { fallback(); }\nitems.map(parse);`,
      errors: [{ messageId: 'unhandledCall', line: 1 }],
    },
    {
      code: `async function load() {\n  return JSON.parse(await read());\n}\ntry {\n  load();\n} catch {\n  fallback();\n}`,
      errors: [{ messageId: 'unhandledCall', line: 2 }],
    },
    {
      code: `const data = JSON.parse(text);`,
      errors: [
        {
          messageId: 'unhandledCall',
          line: 1,
          column: 14,
          endColumn: 24,
          message: 'JSON.parse() can throw and is not inside a try block: handle the error here, or document the function with @throws if its callers should.',
        },
      ],
    },
    { code: `import { readFileSync as read } from 'node:fs';\nconst text = read('a.txt', 'utf8');`, errors: [{ messageId: 'unhandledCall', line: 2 }] },
    { code: `const fs = require('fs');\nfs.writeFileSync('out.txt', data);`, errors: [{ messageId: 'unhandledCall', line: 2 }] },
    { code: `const { execSync } = require('child_process');\nexecSync('git status');`, errors: [{ messageId: 'unhandledCall' }] },
    {
      code: `const link = new URL(input);`,
      errors: [
        {
          messageId: 'unhandledCall',
          message: 'new URL() can throw and is not inside a try block: handle the error here, or document the function with @throws if its callers should.',
        },
      ],
    },
    {
      code: `try {\n  items.forEach((item) => JSON.parse(item));\n} catch (error) {\n  report(error);\n}`,
      errors: [{ messageId: 'unhandledCall', line: 2 }],
    },
    { code: `try {\n  JSON.parse(text);\n} finally {\n  done();\n}`, errors: [{ messageId: 'unhandledCall', line: 2 }] },
    { code: `try { work(); } catch (error) { JSON.parse(backup); }`, errors: [{ messageId: 'unhandledCall' }] },
    { code: `fetch(url);`, errors: [{ messageId: 'unhandledPromise', line: 1, column: 1, endColumn: 6 }] },
    { code: `async function load() {\n  try {\n    fetch(url);\n  } catch {\n    retry();\n  }\n}`, errors: [{ messageId: 'unhandledPromise', line: 3 }] },
    {
      code: `async function load() {\n  const response = await fetch(url);\n  return response.json();\n}`,
      errors: [{ messageId: 'unhandledPromise', line: 2 }],
    },
    { code: `import { promises as fsp } from 'fs';\nfsp.readFile('a').then(use);`, errors: [{ messageId: 'unhandledPromise', line: 2 }] },
    { code: `import * as fs from 'node:fs';\nvoid fs.promises.rm('tmp', { recursive: true });`, errors: [{ messageId: 'unhandledPromise' }] },
    { code: `function get(url: string) {\n  return fetch(url);\n}`, options: { allowReturnedPromises: false }, errors: [{ messageId: 'unhandledPromise' }] },
    { code: `import yaml from 'yaml';\nyaml.parse(text);`, options: { calls: ['yaml:parse'] }, errors: [{ messageId: 'unhandledCall' }] },
  ],
});
