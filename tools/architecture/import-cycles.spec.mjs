import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { importCycles } from './import-cycles.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

describe('import cycles', () => {
  for (const pkg of ['packages/core/src', 'packages/nx-enforcer/src']) {
    it(`${pkg} has none`, () => {
      assert.deepEqual(importCycles(join(root, pkg), root), []);
    });
  }

  it('finds a cycle through type imports, an index file and a .js specifier, and none in a chain', () => {
    const folder = mkdtempSync(join(tmpdir(), 'import-cycles-'));
    try {
      const files = {
        'a.ts': "import { b } from './b';\nexport const a = 1;\n",
        'b.ts': "import type { C } from './c/index.js';\nexport const b = 2;\n",
        'c/index.ts': "// import { a } from '../a';\nimport { a } from '../a';\nexport type C = number;\n",
        'd.ts': "import { a } from './a';\nconst text = \"import { d } from './d'\";\n",
        'a.spec.ts': "import { d } from './d';\n",
      };
      for (const [path, text] of Object.entries(files)) {
        mkdirSync(dirname(join(folder, path)), { recursive: true });
        writeFileSync(join(folder, path), text);
      }
      assert.deepEqual(importCycles(folder), [['a.ts', 'b.ts', 'c/index.ts']]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
