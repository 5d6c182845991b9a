import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { EXIT_USAGE } from './exit-codes';
import { UsageError } from './parse-args';

const SPEC_FILE = /\.(spec|test)\.[cm]?[jt]s$/;

/**
 * Runs the specs in a rules folder with Node's own test runner, TypeScript transpiled on load by
 * `@nx-enforcer/core/register`, so a workspace needs no test framework for its rules.
 */
export function runRuleSpecs(options: { cwd: string; directory: string; stdout: (text: string) => void; stderr: (text: string) => void }): number {
  const folder = resolve(options.cwd, options.directory);
  let specs: string[];
  try {
    specs = readdirSync(folder)
      .filter((name) => SPEC_FILE.test(name))
      .sort();
  } catch {
    throw new UsageError(`${options.directory}: no such folder`);
  }
  if (specs.length === 0) {
    options.stderr(`enforcer: no spec files (*.spec.ts) in ${options.directory}\n`);
    return EXIT_USAGE;
  }
  let result;
  try {
    result = spawnSync(process.execPath, ['--require', require.resolve('../register'), '--test', ...specs.map((spec) => join(folder, spec))], {
      cwd: options.cwd,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    options.stderr(`enforcer: cannot start Node's test runner: ${(error as Error).message}\n`);
    return 1;
  }
  if (result.error) options.stderr(`enforcer: Node's test runner failed: ${result.error.message}\n`);
  options.stdout(result.stdout ?? '');
  options.stderr(result.stderr ?? '');
  return result.status ?? 1;
}
