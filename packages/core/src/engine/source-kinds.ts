import { ts } from '../../lazy/typescript';

// By name: which files are code is asked before anything is parsed, and must not load TypeScript.
const scriptKindByExtension: Record<string, 'TS' | 'TSX' | 'JS' | 'JSX'> = {
  '.ts': 'TS',
  '.mts': 'TS',
  '.cts': 'TS',
  '.tsx': 'TSX',
  '.js': 'JS',
  '.mjs': 'JS',
  '.cjs': 'JS',
  '.jsx': 'JSX',
};

/** Extensions of the files the engine parses as TypeScript/JavaScript. */
export const CODE_EXTENSIONS: readonly string[] = Object.keys(scriptKindByExtension);

function extensionOf(file: string): string {
  const slash = file.lastIndexOf('/');
  const dot = file.lastIndexOf('.');
  return dot > slash ? file.slice(dot).toLowerCase() : '';
}

/** The parser mode for a code file, or undefined for files the engine does not parse. */
export function scriptKindOf(file: string): ts.ScriptKind | undefined {
  const kind = scriptKindByExtension[extensionOf(file)];
  return kind === undefined ? undefined : ts.ScriptKind[kind];
}

export function isCodeFile(file: string): boolean {
  return scriptKindByExtension[extensionOf(file)] !== undefined;
}

/**
 * Fixture data under a test folder: inputs a tool is tested on (a formatter's sample sources,
 * deliberately broken files), not code anyone runs; and code templates (`*.template.ts`), the
 * sources a code generator copies and fills in, which no compiler sees as they are. Test code
 * itself is not a fixture.
 */
export function isFixtureFile(file: string): boolean {
  return /(^|\/)(?:fixtures|__fixtures__|testdata|test-data|tests?\/(?:data|cases|samples))\//.test(file) || /\.template\.[cm]?[jt]sx?$/.test(file);
}
