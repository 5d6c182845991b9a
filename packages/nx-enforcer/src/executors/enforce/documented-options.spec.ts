import { readFileSync } from 'node:fs';
import { join } from 'node:path';

describe('the enforce executor options in docs/caching.md', () => {
  it('should document every option of the executor schema in the options table', () => {
    const schema = JSON.parse(readFileSync(join(__dirname, 'schema.json'), 'utf8')) as { properties: Record<string, unknown> };
    const page = readFileSync(join(__dirname, '../../../../../docs/caching.md'), 'utf8');
    // A row may document several options: | `fix`, `fixType` | ... |
    const documented = new Set(
      page
        .split('\n')
        .filter((line) => line.startsWith('| `'))
        .flatMap((line) => [...line.split(' | ')[0].matchAll(/`(\w+)`/g)].map((match) => match[1])),
    );
    const options = Object.keys(schema.properties);
    expect(options.filter((option) => !documented.has(option))).toEqual([]);
    expect(options.length).toBeGreaterThan(5);
  });
});
