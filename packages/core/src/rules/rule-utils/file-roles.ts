import picomatch from 'picomatch';

/**
 * Where printing is the point, not a logging mistake: command-line tools and scripts, examples,
 * code generators (Nx generators, Angular schematics), application bootstraps, and a logger's own
 * implementation. Globs relative to the workspace root; rules that flag `console`/`print` take them
 * as the default of their `entryPoints` option.
 */
export const DEFAULT_SCRIPT_FILES: readonly string[] = [
  '**/scripts/**',
  '**/script/**',
  '**/tools/**',
  '**/bin/**',
  '**/cli/**',
  '**/commands/**',
  '**/examples/**',
  '**/example/**',
  '**/generators/**',
  '**/schematics/**',
  '**/schematics-core/**',
  // Database seeds are scripts run by hand.
  '**/seed.{ts,js,mjs,cjs}',
  '**/seeds/**',
  '**/main.{ts,js,mjs,cjs,py}',
  '**/__main__.py',
  '**/*logger.{ts,js,mjs,cjs}',
  '**/*.logger.{ts,js}',
  '**/example-app/**',
  '**/*-example/**',
  '**/demo/**',
  '**/demos/**',
  '**/logger/**',
  '**/logging/**',
];

/** A file run directly as a program (`#!/usr/bin/env node`, `#!/usr/bin/env python3`): its output is its interface. */
export function hasShebang(text: string): boolean {
  return text.startsWith('#!');
}

/** Compiled once per options array (one per configuration), not once per file. */
const matchers = new WeakMap<readonly string[], (file: string) => boolean>();

/** Whether a file is one of `globs`, with the compiled matcher reused across files. */
export function entryPointMatcher(globs: readonly string[]): (file: string) => boolean {
  let matcher = matchers.get(globs);
  if (!matcher) {
    matcher = picomatch([...globs], { dot: true });
    matchers.set(globs, matcher);
  }
  return matcher;
}

/**
 * Fixture data under a test folder: inputs a tool is tested on (a formatter's sample sources,
 * deliberately broken files), not code anyone runs. Test code itself is not a fixture.
 */
export function isFixtureFile(file: string): boolean {
  return /(^|\/)(?:fixtures|__fixtures__|testdata|test-data|tests?\/(?:data|cases|samples))\//.test(file);
}
