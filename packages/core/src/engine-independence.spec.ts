import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(folder, entry.name)) : entry.name.endsWith('.ts') ? [join(folder, entry.name)] : [],
  );
}

describe('engine independence', () => {
  it('should import nothing from nx or @nx/* (the plugin is the only Nx adapter)', () => {
    const offenders = sourceFiles(__dirname).filter((file) => /from ['"](nx|@nx\/[^'"]+|nx\/[^'"]+)['"]|require\(['"](nx|@nx\/)/.test(readFileSync(file, 'utf8')));
    expect(offenders.map((file) => relative(__dirname, file))).toEqual([]);
  });

  it('should not declare nx packages as dependencies', () => {
    const manifest = JSON.parse(readFileSync(join(__dirname, '../package.json'), 'utf8'));
    const dependencies = Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies });
    expect(dependencies.filter((name) => name === 'nx' || name.startsWith('@nx/'))).toEqual([]);
  });
});
