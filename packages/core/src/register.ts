// `node --require @nx-enforcer/core/register` lets Node load the workspace's TypeScript rule files
// and their specs (`enforcer test-rules` uses it). Transpile only: type checking is tsc's job.
import { readFileSync } from 'node:fs';
import Module from 'node:module';
import { transpileToCommonJs } from './runtime/transpile';

type CompilingModule = Module & { _compile(code: string, filename: string): void };
const extensions = (Module as unknown as { _extensions: Record<string, (module: Module, filename: string) => void> })._extensions;

for (const extension of ['.ts', '.cts', '.mts']) {
  extensions[extension] = (module, filename) => {
    // enforcer-disable-next-line errors/unhandled-risky-call -- a module loader reports a missing file by throwing, as Node's own does
    (module as CompilingModule)._compile(transpileToCommonJs(filename, readFileSync(filename, 'utf8')), filename);
  };
}
