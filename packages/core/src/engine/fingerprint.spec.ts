import { createHash } from 'node:crypto';
import { fingerprinter, fingerprintOf } from './fingerprint';

describe('fingerprints', () => {
  it('should hash the rule, the file, the whitespace-normalised line and the occurrence, as baselines have stored them', () => {
    const expected = createHash('sha256').update('logging/no-console\0src/a.ts\0console.log(a);\x002').digest('hex').slice(0, 20);
    expect(fingerprintOf({ ruleId: 'logging/no-console', file: 'src/a.ts', lineText: '   console.log(a);  ', occurrence: 2 })).toBe(expected);
  });

  it('should give, line hashed once, the values fingerprintOf gives for every occurrence', () => {
    const line = 'console.log(1);'.repeat(1000);
    const next = fingerprinter('logging/no-console', 'src/min.js', line);
    for (const occurrence of [0, 1, 999])
      expect(next(occurrence)).toBe(fingerprintOf({ ruleId: 'logging/no-console', file: 'src/min.js', lineText: line, occurrence }));
  });
});
