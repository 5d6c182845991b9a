// @ts-check
/**
 * Writes a deterministic synthetic Nx workspace for the benchmark: N projects x M files of ordinary
 * TypeScript (classes, async code, try/catch, imports between projects), some JSON, Markdown and
 * .env files, a few large files, and a known number of seeded violations for the rules every tool
 * in the comparison has. The same size always gives the same bytes.
 *
 *   node tools/bench/generate-workspace.mjs <folder> <small|medium|large|single-1k|single-10k|single-50k>
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const SIZES = {
  // 100 projects of one small file each: a task that has next to nothing to analyse, against Nx's
  // own floor (a project without any code file gets no enforce target).
  tiny: { projects: 100, files: 1, peers: false },
  small: { projects: 20, files: 100 },
  medium: { projects: 100, files: 120 },
  large: { projects: 200, files: 250 },
  'single-1k': { projects: 1, files: 1_000 },
  'single-10k': { projects: 1, files: 10_000 },
  'single-50k': { projects: 1, files: 50_000 },
};

/** Seeded violations, by the shared rule each tool reports them under. Every `every`-th file gets one. */
export const SEEDS = {
  console: { every: 10, enforcer: 'logging/no-console', eslint: 'no-console', oxlint: 'eslint(no-console)' },
  emptyCatch: { every: 15, enforcer: 'errors/no-empty-catch', eslint: 'no-empty', oxlint: 'eslint(no-empty)' },
  explicitAny: { every: 12, enforcer: 'typescript/no-explicit-any', eslint: '@typescript-eslint/no-explicit-any', oxlint: 'typescript(no-explicit-any)' },
  tsIgnore: { every: 20, enforcer: 'typescript/no-ts-ignore', eslint: '@typescript-eslint/ban-ts-comment', oxlint: 'typescript(ban-ts-comment)' },
  nonNull: {
    every: 8,
    enforcer: 'typescript/no-non-null-assertion',
    eslint: '@typescript-eslint/no-non-null-assertion',
    oxlint: 'typescript(no-non-null-assertion)',
  },
};

/** A small linear congruential generator: the same seed gives the same workspace on every machine. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const pad = (n, width) => String(n).padStart(width, '0');

/**
 * @param {string} root
 * @param {keyof typeof SIZES} size
 * @returns {{ files: number, expected: Record<string, number> }}
 */
export function generateWorkspace(root, size) {
  const { projects, files } = SIZES[size];
  const next = random(42);
  const expected = Object.fromEntries(Object.keys(SEEDS).map((key) => [key, 0]));
  const write = (path, content) => {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), content);
  };
  const name = (p) => `p${pad(p, 3)}`;
  let fileCount = 0;

  write('package.json', `${JSON.stringify({ name: 'bench', private: true, workspaces: ['packages/*'] }, null, 2)}\n`);
  const nxJson = {
    $schema: './node_modules/nx/schemas/nx-schema.json',
    plugins: [{ plugin: 'nx-enforcer' }],
    targetDefaults: { lint: { cache: true, inputs: ['{projectRoot}/**/*.ts', '{workspaceRoot}/eslint.config.mjs'] } },
  };
  write('nx.json', `${JSON.stringify(nxJson, null, 2)}\n`);
  write('.gitignore', 'node_modules\n.nx\n.nx-enforcer\n.bench-floor\n');
  const paths = Object.fromEntries(Array.from({ length: projects }, (_, p) => [`@bench/${name(p)}`, [`packages/${name(p)}/src/index.ts`]]));
  const tsconfigBase = { compilerOptions: { strict: true, target: 'es2022', module: 'nodenext', paths } };
  write('tsconfig.base.json', `${JSON.stringify(tsconfigBase, null, 2)}\n`);
  write('eslint.config.mjs', ESLINT_CONFIG);
  write('.oxlintrc.json', `${JSON.stringify(OXLINT_CONFIG, null, 2)}\n`);

  for (let p = 0; p < projects; p++) {
    const project = name(p);
    const base = `packages/${project}`;
    const packageJson = {
      name: `@bench/${project}`,
      version: '0.0.0',
      private: true,
      nx: { tags: [`scope:${p % 5}`], targets: { lint: { command: 'eslint src', options: { cwd: '{projectRoot}' } } } },
    };
    write(`${base}/package.json`, `${JSON.stringify(packageJson, null, 2)}\n`);
    write(`${base}/README.md`, `# ${project}\n\nServices for the ${project} domain. Run \`nx run ${project}:enforce\`.\n`);
    write(`${base}/src/config.json`, `${JSON.stringify({ name: project, retries: 3, endpoints: { health: '/health', metrics: '/metrics' } }, null, 2)}\n`);
    write(`${base}/.env.example`, `API_URL=http://localhost:3000\nLOG_LEVEL=info\n`);
    const exports = [];
    for (let f = 0; f < files; f++) {
      const index = p * files + f;
      const dependency = projects > 1 ? name((p + 1 + Math.floor(next() * (projects - 1))) % projects) : undefined;
      const seeds = Object.fromEntries(Object.entries(SEEDS).map(([key, seed]) => [key, (index + Object.keys(SEEDS).indexOf(key)) % seed.every === 0]));
      for (const [key, on] of Object.entries(seeds)) if (on) expected[key]++;
      // One file in 500 is large (about 100 kB), as generated or vendored code tends to be.
      const repeat = index % 500 === 499 ? 40 : 1;
      write(`${base}/src/lib/service-${pad(f, 5)}.ts`, serviceFile(`Service${index}`, dependency, seeds, repeat, next));
      exports.push(`export * from './lib/service-${pad(f, 5)}';`);
      fileCount++;
    }
    write(`${base}/src/index.ts`, `${exports.join('\n')}\n`);
    fileCount += 5;
  }
  write('bench-expected.json', `${JSON.stringify({ size, projects, filesPerProject: files, expected }, null, 2)}\n`);
  return { files: fileCount, expected };
}

/**
 * @param {string} className
 * @param {string | undefined} dependency
 * @param {Record<string, boolean>} seeds
 * @param {number} repeat
 * @param {() => number} next
 */
function serviceFile(className, dependency, seeds, repeat, next) {
  const lines = [];
  if (dependency) lines.push(`import type { Config as RemoteConfig } from '@bench/${dependency}';`);
  lines.push(
    `export interface Config {`,
    `  name: string;`,
    `  retries: number;`,
    `  timeoutMs?: number;`,
    `}`,
    ``,
    `export class ${className} {`,
    `  private readonly cache = new Map<string, number>();`,
    ``,
    `  constructor(private readonly config: Config) {}`,
    ``,
  );
  for (let r = 0; r < repeat; r++) {
    const salt = Math.floor(next() * 1000);
    lines.push(
      `  async load${r}(key: string, fetcher: (key: string) => Promise<number>): Promise<number> {`,
      `    const cached = this.cache.get(key);`,
      `    if (cached !== undefined) {`,
      `      return cached;`,
      `    }`,
      `    try {`,
      `      const value = await fetcher(key);`,
      `      this.cache.set(key, value + ${salt});`,
      `      return value;`,
      `    } catch (error) {`,
      `      throw new Error(\`\${this.config.name}: cannot load \${key}\`, { cause: error });`,
      `    }`,
      `  }`,
      ``,
      `  total${r}(values: readonly number[]): number {`,
      `    return values.reduce((sum, value) => sum + value * ${(salt % 7) + 1}, 0);`,
      `  }`,
      ``,
    );
  }
  if (seeds.console) lines.push(`  report(): void {`, `    console.log(this.config.name, this.cache.size);`, `  }`, ``);
  if (seeds.emptyCatch)
    lines.push(`  parse(text: string): unknown {`, `    try {`, `      return JSON.parse(text);`, `    } catch {}`, `    return undefined;`, `  }`, ``);
  if (seeds.explicitAny) lines.push(`  merge(extra: any): Config {`, `    return { ...this.config, ...extra };`, `  }`, ``);
  if (seeds.tsIgnore) lines.push(`  legacy(): number {`, `    // @ts-ignore`, `    return this.config.missing;`, `  }`, ``);
  if (seeds.nonNull) lines.push(`  first(key: string): number {`, `    return this.cache.get(key)!;`, `  }`, ``);
  if (dependency) lines.push(`  remote(config: RemoteConfig): string {`, `    return config.name;`, `  }`);
  lines.push(`}`, ``);
  return lines.join('\n');
}

const ESLINT_RULES = [
  'no-console',
  'no-empty',
  '@typescript-eslint/no-explicit-any',
  '@typescript-eslint/ban-ts-comment',
  '@typescript-eslint/no-non-null-assertion',
];
const OXLINT_RULES = ['no-console', 'no-empty', 'typescript/no-explicit-any', 'typescript/ban-ts-comment', 'typescript/no-non-null-assertion'];

/**
 * ESLint's flat config with the rules the enforcer shares with it, and nothing else: the comparison
 * is like for like. Real code (real-code.mjs) adds linter options and more file kinds.
 * @param {{ ignores: string[], files: string[], linterOptions?: Record<string, unknown> }} options
 */
export function eslintConfigText({ ignores, files, linterOptions }) {
  const config = {
    files,
    rules: Object.fromEntries(ESLINT_RULES.map((rule) => [rule, 'error'])),
    ...(linterOptions ? { linterOptions } : {}),
  };
  const body = JSON.stringify(config, null, 2).replace(
    /^\{/,
    "{\n  languageOptions: { parser: tseslint.parser },\n  plugins: { '@typescript-eslint': tseslint.plugin },",
  );
  return `import tseslint from 'typescript-eslint';\n\nexport default [\n${JSON.stringify({ ignores })},\n${body},\n];\n`;
}

/** oxlint's config with the same five rules. @param {string[]} ignorePatterns */
export function oxlintConfigOf(ignorePatterns) {
  return {
    plugins: ['typescript'],
    categories: { correctness: 'off' },
    rules: Object.fromEntries(OXLINT_RULES.map((rule) => [rule, 'error'])),
    ignorePatterns,
  };
}

const WORKSPACE_IGNORES = ['**/node_modules/**', '**/.nx/**', '**/.nx-enforcer/**'];
const ESLINT_CONFIG = eslintConfigText({ ignores: WORKSPACE_IGNORES, files: ['**/*.ts'] });
const OXLINT_CONFIG = oxlintConfigOf(WORKSPACE_IGNORES);

if (import.meta.url === `file://${process.argv[1]}`) {
  const [folder, size] = process.argv.slice(2);
  if (!folder || !(size in SIZES)) {
    console.error(`Usage: node tools/bench/generate-workspace.mjs <folder> <${Object.keys(SIZES).join('|')}>`);
    process.exit(2);
  }
  const { files, expected } = generateWorkspace(folder, /** @type {keyof typeof SIZES} */ (size));
  console.log(`${folder}: ${files} files, seeded ${JSON.stringify(expected)}`);
}
