import { RuleTester } from '../../testing/rule-tester';
import rule from './no-hardcoded-date';

new RuleTester().run(rule, {
  valid: [
    `const now = new Date();`,
    `const epoch = new Date(0);`,
    `const copy = new Date(other.getTime());`,
    `const parsed = new Date(input);`,
    `// released on 2025-12-01\nexport const version = '1.4.2';`,
    `/* 2024/03/15 migration */ export {};`,
    `import { report } from './reports/2025-01-01/summary';`,
    `export * from './archive/2024-12-31';`,
    `const mod = await import('./snapshots/2023-05-05.js');`,
    `const legacy = require('./data/2022-02-02.json');`,
    `const year = '2025';`,
    `const copyright = \`© \${year} Acme\`;`,
    `const version = '2025.12.1';`,
    `const id = 'build-20251201';`,
    `const notADate = '2025-13-45';`,
    `export const TRIAL_END_DATE = '2026-03-31';`,
    `const stripe = new Stripe(key, { apiVersion: '2023-10-16' });`,
    `const API_VERSION = '2024-06-20';`,
    { code: `const due = '2025-12-01';`, isTestFile: true },
    { code: `export const rows = [{ day: '2025-12-01' }];`, filename: 'src/fixtures/rows.ts' },
    { code: `export const rows = [{ day: '2025-12-01' }];`, filename: 'src/seed/rows.ts', options: { ignoreFiles: ['src/seed/**'] } },
    // Dates that are data: documentation and examples, names and versions that carry a date, the epoch.
    `class CreateTrialDto {\n  @ApiProperty({ example: '2026-07-20', description: 'Day the trial ends' })\n  endsOn!: string;\n}`,
    `export const spec = { examples: { basic: { value: { from: '2025-01-01T00:00:00Z' } } } };`,
    `const schema = z.string().describe('Start date as YYYY-MM-DD, e.g. 2026-07-20');`,
    `const message = 'Use the ISO format, for example 2024-02-29.';`,
    `const model = 'gpt-4o-2024-08-06';`,
    `const file = 'report_2024-01-01.csv';`,
    `const azure = { apiVersion: '2024-02-15-preview' };`,
    `const since = '1970-01-01';`,
    `const start = new Date('1970-01-01T00:00:00Z');`,
    // A named constant or a version stays exempt through \`as const\`, casts and parentheses.
    `export const TRIAL_END = '2026-03-31' as const;`,
    `const client = new Stripe(key, { apiVersion: '2023-10-16' as any });`,
    `const config = { apiVersion: ('2023-10-16' as Stripe.LatestApiVersion) };`,
    `const RELEASE = <const>'2026-03-31';`,
  ],
  invalid: [
    {
      code: `const cutoff = '2025-12-01';`,
      errors: [
        {
          messageId: 'dateInString',
          line: 1,
          column: 16,
          message: 'Hardcoded date "2025-12-01": take it from the clock, from configuration, or from a named constant that says what the date means.',
        },
      ],
    },
    { code: `const cutoff = "2025/12/01";`, errors: [{ messageId: 'dateInString' }] },
    {
      code: `const at = '2025-12-01T10:30:00Z';`,
      errors: [
        {
          messageId: 'dateInString',
          message: 'Hardcoded date "2025-12-01T10:30:00Z": take it from the clock, from configuration, or from a named constant that says what the date means.',
        },
      ],
    },
    { code: 'const label = `Offer ends 2026-01-31 for ${name}`;', errors: [{ messageId: 'dateInString' }] },
    { code: 'const stamp = `2026-01-31`;', errors: [{ messageId: 'dateInString' }] },
    { code: `if (today > '2024-06-30') expire();`, errors: [{ messageId: 'dateInString' }] },
    { code: `let trialEnd = '2026-03-31';`, errors: [{ messageId: 'dateInString' }] },
    { code: `const cutoff = { until: '2026-03-31' };`, errors: [{ messageId: 'dateInString' }] },
    {
      code: `const launch = new Date('2025-12-01');`,
      errors: [
        {
          messageId: 'dateConstructor',
          column: 16,
          message:
            "new Date('2025-12-01') builds a fixed calendar date: take it from the clock, from configuration, or from a named " +
            'constant that says what the date means.',
        },
      ],
    },
    { code: `const launch = new Date('December 17, 2025 03:24:00');`, errors: [{ messageId: 'dateConstructor' }] },
    { code: `const launch = new Date(2025, 11, 1);`, errors: [{ messageId: 'dateConstructor' }] },
    { code: `const launch = new Date(1764547200000);`, errors: [{ messageId: 'dateConstructor' }] },
    { code: `const t = Date.parse('2025-12-01');`, errors: [{ messageId: 'dateConstructor' }] },
    { code: `const t = new Date(Date.UTC(2025, 11, 1));`, errors: [{ messageId: 'dateConstructor', column: 20 }] },
    // Not exempt: a date in a cast that names nothing, a second date after an epoch, a date in a query.
    { code: `const cutoff = '2026-03-31' as const;`, errors: [{ messageId: 'dateInString' }] },
    {
      code: `const range = '1970-01-01 to 2026-03-31';`,
      errors: [
        {
          messageId: 'dateInString',
          message: 'Hardcoded date "2026-03-31": take it from the clock, from configuration, or from a named constant that says what the date means.',
        },
      ],
    },
    { code: "const rows = await fetch('/api/orders?from=2025-01-01');", errors: [{ messageId: 'dateInString' }] },
  ],
});
