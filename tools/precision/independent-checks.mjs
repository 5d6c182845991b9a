// @ts-check
/**
 * Independent checks for recall: each lists the places a rule should look at, found another way
 * than the rule finds them (a plain text search, TypeScript's compiler API, Python's `ast`). A
 * person labels a sample of these candidates (is this a real violation by the rule's doc?); recall
 * is the share of the real ones the rule reported.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';

const require = createRequire(import.meta.url);
/** @type {typeof import('typescript')} */
const ts = require('typescript');

const PRUNED = new Set(['.git', 'node_modules', '.nx', '.yarn', '.venv', 'venv', '__pycache__']);
const CODE = /\.(?:ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;
const TYPESCRIPT = /\.(?:ts|tsx|mts|cts)$/;
const MAX_FILE_SIZE = 1024 * 1024;

/** Every file under `root` (workspace-relative posix paths), without dependency and VCS folders. */
export function listFiles(root) {
  /** @type {string[]} */
  const files = [];
  const walk = (folder) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (!PRUNED.has(entry.name)) walk(path);
      } else if (entry.isFile() && statSync(path).size <= MAX_FILE_SIZE) {
        files.push(relative(root, path).split('\\').join('/'));
      }
    }
  };
  walk(root);
  return files.sort();
}

/** @typedef {{ file: string, line: number, text: string }} Candidate */

/** Lines of `files` matching `regex` (one candidate per line). */
function grep(root, files, regex) {
  /** @type {Candidate[]} */
  const found = [];
  for (const file of files) {
    const lines = readFileSync(join(root, file), 'utf8').split('\n');
    lines.forEach((text, index) => {
      if (regex.test(text)) found.push({ file, line: index + 1, text: text.trim().slice(0, 200) });
    });
  }
  return found;
}

/** Nodes of TypeScript files for which `match` holds, by TypeScript's own parser. */
function typescriptNodes(root, files, match) {
  /** @type {Candidate[]} */
  const found = [];
  for (const file of files.filter((path) => TYPESCRIPT.test(path))) {
    const text = readFileSync(join(root, file), 'utf8');
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
    const visit = (node) => {
      if (match(node)) {
        const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
        found.push({ file, line: line + 1, text: (text.split('\n')[line] ?? '').trim().slice(0, 200) });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

// Python's own parser lists the calls and handlers; files that do not parse are skipped.
const PYTHON_AST = `
import ast, json, sys
out = []
for path in sys.argv[2:]:
    try:
        tree = ast.parse(open(path, encoding='utf-8').read())
    except Exception:
        continue
    for node in ast.walk(tree):
        kind = None
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ('print', 'open'):
            kind = node.func.id
        elif isinstance(node, ast.ExceptHandler) and node.type is None:
            kind = 'bare-except'
        if kind:
            out.append({'file': path, 'line': node.lineno, 'kind': kind})
json.dump(out, sys.stdout)
`;

function pythonNodes(root, files) {
  const python = files.filter((file) => file.endsWith('.py'));
  if (python.length === 0) return [];
  const output = execFileSync('python3', ['-c', PYTHON_AST, root, ...python], { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return /** @type {Array<{ file: string, line: number, kind: string }>} */ (JSON.parse(output)).map((item) => ({
    ...item,
    text: (readFileSync(join(root, item.file), 'utf8').split('\n')[item.line - 1] ?? '').trim().slice(0, 200),
  }));
}

const SECRET_TEXT = /\.(?:json|ya?ml|toml|ini|cfg|conf|properties|env|md|txt|sh|py|rb|go|java|php|ts|tsx|js|jsx|mjs|cjs)$|(^|\/)\.env/;
// The secret check's two alternatives: a known token prefix, or a secret-like name given a long literal.
const SECRET_TOKEN = /\b(?:AKIA[A-Z0-9]{16}|gh[pousr]_[A-Za-z0-9]{36}|xox[abposr]-|sk_live_)/;
const SECRET_ASSIGNMENT = /(?:password|passwd|secret|token|api[_-]?key)\w*["']?\s*[:=]\s*["'][A-Za-z0-9+/_=-]{12,}["']/;

/**
 * Candidates per rule id, for the rules an independent check exists for.
 * @param {string} root
 * @returns {Record<string, Candidate[]>}
 */
export function independentCandidates(root) {
  const files = listFiles(root);
  const code = files.filter((file) => CODE.test(file));
  const python = pythonNodes(root, files);
  const pythonOf = (kind) => python.filter((item) => item.kind === kind).map(({ file, line, text }) => ({ file, line, text }));
  return {
    'logging/no-console': grep(root, code, /\bconsole\.(?:log|info|warn|error|debug|trace)\s*\(/),
    'typescript/no-ts-ignore': grep(root, code, /@ts-(?:ignore|nocheck)\b/),
    'typescript/no-explicit-any': typescriptNodes(root, code, (node) => node.kind === ts.SyntaxKind.AnyKeyword),
    'typescript/no-non-null-assertion': typescriptNodes(root, code, (node) => ts.isNonNullExpression(node)),
    'errors/no-empty-catch': typescriptNodes(root, code, (node) => ts.isCatchClause(node) && node.block.statements.length === 0),
    'errors/unhandled-risky-call': grep(root, code, /\bJSON\.parse\(|\b(?:readFileSync|writeFileSync|execSync)\(|(?<![.\w])fetch\(/),
    'dates/no-hardcoded-date': grep(root, code, /["'`](?:19|20)\d\d[-/](?:0[1-9]|1[0-2])[-/](?:0[1-9]|[12]\d|3[01])/),
    'security/no-secrets': grep(
      root,
      files.filter((file) => SECRET_TEXT.test(file)),
      new RegExp(`${SECRET_TOKEN.source}|${SECRET_ASSIGNMENT.source}`, 'i'),
    ),
    'python/no-print': pythonOf('print'),
    'python/no-bare-except': pythonOf('bare-except'),
    'python/open-outside-with': pythonOf('open'),
  };
}
