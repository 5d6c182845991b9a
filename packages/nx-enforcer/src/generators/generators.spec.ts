import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const PACKAGE_ROOT = join(__dirname, '../..');

interface JsonSchema {
  description?: string;
  properties: Record<string, { type?: string; description?: string; default?: unknown }>;
  required?: string[];
}

const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;

/** Property names of the one interface in a `schema.d.ts`, optional or not. */
function interfaceKeys(declarationFile: string): string[] {
  const body = /interface\s+\w+\s*\{([\s\S]*?)\n\}/.exec(readFileSync(declarationFile, 'utf8'))?.[1] ?? '';
  return [...body.matchAll(/^\s*([A-Za-z_$][\w$]*)\??\s*:/gm)].map((match) => match[1]);
}

describe.each(['init', 'configuration', 'rule'])('%s generator schema', (generator) => {
  const schema = readJson<JsonSchema>(join(__dirname, generator, 'schema.json'));

  it('should describe the generator', () => {
    expect(schema.description).toEqual(expect.any(String));
  });

  it.each(Object.keys(schema.properties))('should give the %s option a type, a description and a default unless it is required', (name) => {
    const property = schema.properties[name];
    expect(property.type).toEqual(expect.any(String));
    expect(property.description).toEqual(expect.stringMatching(/\w/));
    // A default computed from the workspace cannot sit in the schema; its description must state it.
    const documentedDefault = /Default: /.test(property.description ?? '');
    expect('default' in property || documentedDefault || (schema.required ?? []).includes(name)).toBe(true);
  });

  it('should have the same options as the interface in schema.d.ts', () => {
    const keys = interfaceKeys(join(__dirname, generator, 'schema.d.ts'));
    expect(keys.length).toBeGreaterThan(0);
    expect([...keys].sort()).toEqual(Object.keys(schema.properties).sort());
  });
});

describe('generators.json', () => {
  const { generators } = readJson<{ generators: Record<string, { factory: string; schema: string; description?: string }> }>(join(PACKAGE_ROOT, 'generators.json'));

  it('should be the generators collection of the package, with init for nx add', () => {
    const packageJson = readJson<{ generators: string; files: string[] }>(join(PACKAGE_ROOT, 'package.json'));
    expect(packageJson.generators).toBe('./generators.json');
    expect(packageJson.files).toContain('generators.json');
    expect(Object.keys(generators).sort()).toEqual(['configuration', 'init', 'rule']);
  });

  it.each(Object.keys(generators))('should point the %s generator at built files whose sources exist and export it as default', (name) => {
    const { factory, schema, description } = generators[name];
    expect(description).toEqual(expect.any(String));
    expect(factory).toMatch(/^\.\/dist\//);
    expect(schema).toMatch(/^\.\/dist\/.*\.json$/);
    const source = join(PACKAGE_ROOT, `${factory.replace(/^\.\/dist\//, 'src/')}.ts`);
    expect(existsSync(source)).toBe(true);
    expect(typeof (require(source) as { default?: unknown }).default).toBe('function');
    expect(existsSync(join(PACKAGE_ROOT, schema.replace(/^\.\/dist\//, 'src/')))).toBe(true);
  });
});
