import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const PACKAGE_ROOT = join(__dirname, '../../..');

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

describe('enforce executor schema', () => {
  const schema = readJson<JsonSchema>(join(__dirname, 'schema.json'));

  it('should describe the executor', () => {
    expect(schema.description).toEqual(expect.any(String));
  });

  it.each(Object.keys(schema.properties))('should give the %s option a type, a description and a default', (name) => {
    const property = schema.properties[name];
    expect(property.type).toEqual(expect.any(String));
    expect(property.description).toEqual(expect.stringMatching(/\w/));
    expect('default' in property || (schema.required ?? []).includes(name)).toBe(true);
  });

  it('should have the same options as the EnforceExecutorOptions interface in schema.d.ts', () => {
    const keys = interfaceKeys(join(__dirname, 'schema.d.ts'));
    expect(keys.length).toBeGreaterThan(0);
    expect([...keys].sort()).toEqual(Object.keys(schema.properties).sort());
  });
});

describe('executors.json', () => {
  const { executors } = readJson<{ executors: Record<string, { implementation: string; schema: string; description?: string }> }>(join(PACKAGE_ROOT, 'executors.json'));

  it('should be the executors collection of the package', () => {
    const packageJson = readJson<{ executors: string; files: string[] }>(join(PACKAGE_ROOT, 'package.json'));
    expect(packageJson.executors).toBe('./executors.json');
    expect(packageJson.files).toContain('executors.json');
    expect(Object.keys(executors)).toEqual(['enforce']);
  });

  it.each(Object.keys(executors))('should point the %s executor at built files whose sources exist and export it as default', (name) => {
    const { implementation, schema, description } = executors[name];
    expect(description).toEqual(expect.any(String));
    expect(implementation).toMatch(/^\.\/dist\//);
    expect(schema).toMatch(/^\.\/dist\/.*\.json$/);
    const source = join(PACKAGE_ROOT, `${implementation.replace(/^\.\/dist\//, 'src/')}.ts`);
    expect(existsSync(source)).toBe(true);
    expect(typeof (require(source) as { default?: unknown }).default).toBe('function');
    expect(existsSync(join(PACKAGE_ROOT, schema.replace(/^\.\/dist\//, 'src/')))).toBe(true);
  });
});
