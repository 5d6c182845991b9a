import picomatch from 'picomatch';

/**
 * Where printing is the point, not a logging mistake: command-line tools and scripts, examples,
 * code generators (Nx generators, Angular schematics), application bootstraps, and a logger's own
 * implementation. Globs relative to the workspace root; rules that flag `console`/`print` take them
 * as the default of their `entryPoints` option.
 */
export const DEFAULT_SCRIPT_FILES: readonly string[] = [
  // scripts/, migration-scripts/, build-scripts/.
  '**/*scripts/**',
  '**/script/**',
  '**/tools/**',
  '**/bin/**',
  '**/cli/**',
  // A command-line tool's own package (`packages/hoppscotch-cli`).
  '**/*-cli/**',
  '**/commands/**',
  '**/examples/**',
  '**/example/**',
  // Build output is left out by .gitignore; code committed under build/ is the build's own tooling (release scripts).
  '**/build/**',
  // CI's own scripts (actions/github-script helpers).
  '**/.github/**',
  '**/generators/**',
  '**/schematics/**',
  '**/schematics-core/**',
  // Build tools' configuration (next.config.js, vite.config.ts, webpack.config.js): it runs in the build, whose log is its output.
  '**/*.config.{js,mjs,cjs,ts,mts,cts}',
  // Database seeds are scripts run by hand.
  '**/seed.{ts,mts,cts,js,mjs,cjs}',
  '**/seeds/**',
  '**/seed/**',
  '**/main.{ts,js,mjs,cjs,py}',
  '**/__main__.py',
  '**/*logger.{ts,js,mjs,cjs}',
  '**/*.logger.{ts,js}',
  '**/example-app/**',
  '**/*-example/**',
  '**/demo/**',
  '**/demos/**',
  '**/logger/**',
  '**/log/**',
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
 * The `meta` of a TypeScript hygiene rule (`any`, `!`, `@ts-ignore`): tests build deliberately odd
 * values and silence the compiler to mock a module (measured on real code: every `@ts-ignore` in a
 * test was scaffolding), and fixture data is not code, so neither is checked.
 */
export const NOT_IN_TESTS_OR_FIXTURES = { testFiles: 'skip', fixtureFiles: 'skip' } as const;
