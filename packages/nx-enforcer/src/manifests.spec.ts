import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// The contract Nx relies on: executors.json / generators.json point at built files whose sources
// exist, and every schema.json agrees with its schema.d.ts and documents every option.
const PACKAGE_ROOT = join(__dirname, '..');

interface JsonSchema {
  description?: string;
  properties: Record<string, { type?: string; description?: string; default?: unknown }>;
  required?: string[];
}

interface Collection {
  file: 'executors.json' | 'generators.json';
  key: 'executors' | 'generators';
  /** The field holding the implementation path. */
  entry: 'implementation' | 'factory';
  names: string[];
}

const collections: Collection[] = [
  { file: 'executors.json', key: 'executors', entry: 'implementation', names: ['enforce'] },
  { file: 'generators.json', key: 'generators', entry: 'factory', names: ['ci-workflow', 'configuration', 'init', 'rule'] },
];

const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;
const toSource = (distPath: string) => join(PACKAGE_ROOT, distPath.replace(/^\.\/dist\//, 'src/'));

/** Property names of the one interface in a `schema.d.ts`, optional or not. */
function interfaceKeys(declarationFile: string): string[] {
  const body = /interface\s+\w+\s*\{([\s\S]*?)\n\}/.exec(readFileSync(declarationFile, 'utf8'))?.[1] ?? '';
  return [...body.matchAll(/^\s*([A-Za-z_$][\w$]*)\??\s*:/gm)].map((match) => match[1]);
}

describe.each(collections)('$file', ({ file, key, entry, names }) => {
  const entries = readJson<Record<string, Record<string, { schema: string; description?: string } & Record<string, string>>>>(join(PACKAGE_ROOT, file))[key];

  it("should be the package's collection and list exactly the expected entries", () => {
    const packageJson = readJson<Record<string, unknown> & { files: string[] }>(join(PACKAGE_ROOT, 'package.json'));
    expect(packageJson[key]).toBe(`./${file}`);
    expect(packageJson.files).toContain(file);
    expect(Object.keys(entries).sort()).toEqual(names);
  });

  describe.each(names)('%s', (name) => {
    const { schema: schemaPath, description } = entries[name];
    const implementation = entries[name][entry];
    const schema = readJson<JsonSchema>(toSource(schemaPath));

    it('should point at built files whose sources exist, exporting the implementation as default', () => {
      expect(description).toEqual(expect.any(String));
      expect(implementation).toMatch(/^\.\/dist\//);
      expect(schemaPath).toMatch(/^\.\/dist\/.*\.json$/);
      expect(typeof (require(`${toSource(implementation)}.ts`) as { default?: unknown }).default).toBe('function');
      // A batch implementation, where there is one, follows the same rules.
      const batch = entries[name].batchImplementation;
      if (batch !== undefined) {
        expect(batch).toMatch(/^\.\/dist\//);
        expect(typeof (require(`${toSource(batch)}.ts`) as { default?: unknown }).default).toBe('function');
      }
    });

    it('should describe itself and give every option a type, a description and a default unless it is required', () => {
      expect(schema.description).toEqual(expect.any(String));
      for (const [option, property] of Object.entries(schema.properties)) {
        expect([option, typeof property.type, /\w/.test(property.description ?? '')]).toEqual([option, 'string', true]);
        // A default computed from the workspace cannot sit in the schema; its description must state it.
        const documentedDefault = /Default: /.test(property.description ?? '');
        expect([option, 'default' in property || documentedDefault || (schema.required ?? []).includes(option)]).toEqual([option, true]);
      }
    });

    it('should have the same options as the interface in schema.d.ts', () => {
      const declaration = toSource(schemaPath).replace(/\.json$/, '.d.ts');
      expect(existsSync(declaration)).toBe(true);
      const keys = interfaceKeys(declaration);
      expect(keys.length).toBeGreaterThan(0);
      expect([...keys].sort()).toEqual(Object.keys(schema.properties).sort());
    });
  });
});
