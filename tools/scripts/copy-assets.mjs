// Copies the non-TypeScript files a package needs at run time (schema.json, generator templates)
// from src/ to dist/, keeping their relative paths. Usage: node copy-assets.mjs <packageDir>
import { cpSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const packageDir = process.argv[2];
if (!packageDir) {
  process.stderr.write('usage: node copy-assets.mjs <packageDir>\n');
  process.exit(2);
}
const source = join(packageDir, 'src');

function copyAssets(folder) {
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    const isTemplateFolder = name === 'files' && statSync(path).isDirectory();
    if (isTemplateFolder) {
      cpSync(path, join(packageDir, 'dist', relative(source, path)), { recursive: true });
    } else if (statSync(path).isDirectory()) {
      copyAssets(path);
    } else if (name.endsWith('.json')) {
      cpSync(path, join(packageDir, 'dist', relative(source, path)));
    }
  }
}

copyAssets(source);
