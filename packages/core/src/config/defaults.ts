import type { SeveritySetting } from '../engine/types';

/**
 * Never checked: installed dependencies, Nx's cache and the enforcer's own output. Build output is
 * not in this list on purpose: a folder's name does not say whether the team wrote it (release
 * scripts live in `build/`), so it is left out the way Nx leaves it out, by `.gitignore` and
 * `.nxignore`; minified files are recognised by name and content.
 */
export const DEFAULT_IGNORES: readonly string[] = ['**/node_modules/**', '**/.nx/**', '**/.nx-enforcer/**'];

/** Files treated as tests unless a config sets `testFiles`. */
export const DEFAULT_TEST_FILES: readonly string[] = [
  '**/*.{spec,test}.{ts,tsx,mts,cts,js,jsx,mjs,cjs}',
  // NestJS e2e specs, Cypress specs.
  '**/*.e2e-spec.{ts,js}',
  '**/*.cy.{ts,tsx,js,jsx}',
  // Type tests (tsd, expect-type).
  '**/*.test-d.{ts,tsx}',
  // Storybook stories: demos of components for developers, never shipped.
  '**/*.stories.{ts,tsx,js,jsx,mdx}',
  // Test folders and fixture data (deliberately odd or invalid files live there).
  '**/spec/**',
  '**/test/**',
  '**/tests/**',
  '**/fixtures/**',
  '**/__fixtures__/**',
  '**/testdata/**',
  '**/__tests__/**',
  '**/__mocks__/**',
  '**/test-setup.{ts,js}',
  '**/jest.config.{ts,js,cjs,mjs,cts,mts}',
  // pytest's conventions, for Python projects.
  '**/test_*.py',
  '**/*_test.py',
  '**/tests/**/*.py',
  '**/conftest.py',
];

/** 1 MiB: larger sources are almost always generated or minified, and their syntax trees cost ~30x their size. */
export const DEFAULT_MAX_FILE_SIZE = 1024 * 1024;

/** A file that could not be checked is a warning: a gate that counts warnings sees it, and it never passes as clean. */
export const DEFAULT_UNCHECKED_FILES: SeveritySetting = 'warn';

/** The file name the enforcer looks for at the workspace root and in each project. */
export const CONFIG_FILE_NAME = 'enforcer.config.json';

/**
 * Bounds on the violations a session shard stores (counts stay exact; a cut list records how many
 * it left out). 100 per file keeps one pathological file from dominating; 100,000 per project keeps
 * a shard under about 10 MB however dirty the project is. A file whose list was cut cannot be reused
 * on the next run, so the project limit is set well above what real projects reach: at 10,000, a
 * 50,000-file benchmark project with 21,000 violations had half its files analysed again after a
 * one-file change.
 */
export const DEFAULT_SESSION_LIMITS = { maxViolationsPerFile: 100, maxViolations: 100_000 } as const;
