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
    { code: `const due = '2025-12-01';`, isTestFile: true },
    { code: `export const rows = [{ day: '2025-12-01' }];`, filename: 'src/fixtures/rows.ts' },
    { code: `export const rows = [{ day: '2025-12-01' }];`, filename: 'src/seed/rows.ts', options: { ignoreFiles: ['src/seed/**'] } },
  ],
  invalid: [
    { code: `const cutoff = '2025-12-01';`, errors: [{ messageId: 'dateInString', line: 1, column: 16, message: 'Hardcoded date "2025-12-01": take it from the clock, from configuration, or from a named constant that says what the date means.' }] },
    { code: `const cutoff = "2025/12/01";`, errors: [{ messageId: 'dateInString' }] },
    { code: `const at = '2025-12-01T10:30:00Z';`, errors: [{ messageId: 'dateInString', message: 'Hardcoded date "2025-12-01T10:30:00Z": take it from the clock, from configuration, or from a named constant that says what the date means.' }] },
    { code: 'const label = `Offer ends 2026-01-31 for ${name}`;', errors: [{ messageId: 'dateInString' }] },
    { code: 'const stamp = `2026-01-31`;', errors: [{ messageId: 'dateInString' }] },
    { code: `if (today > '2024-06-30') expire();`, errors: [{ messageId: 'dateInString' }] },
    { code: `const launch = new Date('2025-12-01');`, errors: [{ messageId: 'dateConstructor', column: 16, message: "new Date('2025-12-01') builds a fixed calendar date: take it from the clock, from configuration, or from a named constant that says what the date means." }] },
    { code: `const launch = new Date('December 17, 2025 03:24:00');`, errors: [{ messageId: 'dateConstructor' }] },
    { code: `const launch = new Date(2025, 11, 1);`, errors: [{ messageId: 'dateConstructor' }] },
    { code: `const launch = new Date(1764547200000);`, errors: [{ messageId: 'dateConstructor' }] },
    { code: `const t = Date.parse('2025-12-01');`, errors: [{ messageId: 'dateConstructor' }] },
    { code: `const t = new Date(Date.UTC(2025, 11, 1));`, errors: [{ messageId: 'dateConstructor', column: 20 }] },
  ],
});
