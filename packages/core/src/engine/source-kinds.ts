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

/** The files of each language rules check as text (TypeScript's are the code files above). */
export const LANGUAGE_FILES: Readonly<Record<'python', readonly string[]>> = { python: ['**/*.py'] };

/**
 * The globs of non-code files a per-file rule reads as text: its language's files (a Python rule's
 * sources) and its `textFiles`.
 */
export function textGlobsOf(meta: { language?: string; textFiles?: readonly string[] }): readonly string[] {
  const language = meta.language === 'python' ? LANGUAGE_FILES.python : [];
  return meta.textFiles && meta.textFiles.length > 0 ? [...language, ...meta.textFiles] : language;
}

/** Whether a per-file rule of this language checks code files (TypeScript and JavaScript). */
export function checksCodeFiles(meta: { language?: string }): boolean {
  return meta.language === undefined || meta.language === 'typescript';
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
