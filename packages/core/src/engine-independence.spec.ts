import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'jsonc-parser';

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(folder, entry.name)) : entry.name.endsWith('.ts') ? [join(folder, entry.name)] : [],
  );
}

describe('engine independence', () => {
  it('should import nothing from nx or @nx/* (the plugin is the only Nx adapter)', () => {
    // Specs are left to the enforce target's architecture/project-boundaries (below): the rule's own
    // spec holds such imports as test data, which a text search cannot tell from code.
    const offenders = sourceFiles(__dirname)
      .filter((file) => !file.endsWith('.spec.ts'))
      .filter((file) => /from ['"](nx|@nx\/[^'"]+|nx\/[^'"]+)['"]|require\(['"](nx|@nx\/)/.test(readFileSync(file, 'utf8')));
    expect(offenders.map((file) => relative(__dirname, file))).toEqual([]);
  });

  it('should have its enforce target ban nx, @nx/* and the plugin for every file of the engine', () => {
    const config = parse(readFileSync(join(__dirname, '../enforcer.config.json'), 'utf8')) as {
      rules: Record<string, [string, { depConstraints: unknown[] }]>;
    };
    const [severity, options] = config.rules['architecture/project-boundaries'];
    expect(severity).toBe('error');
    expect(options.depConstraints).toContainEqual({
      sourceTag: 'scope:engine',
      notDependOnProjectsWithTags: ['scope:plugin'],
      bannedExternalImports: ['nx', '@nx/*'],
    });
  });

  it('should not declare nx packages as dependencies', () => {
    const manifest = JSON.parse(readFileSync(join(__dirname, '../package.json'), 'utf8'));
    const dependencies = Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies });
    expect(dependencies.filter((name) => name === 'nx' || name.startsWith('@nx/'))).toEqual([]);
  });
});
