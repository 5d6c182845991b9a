import { ts } from '../../../lazy/typescript';
import { defineRule } from '../../engine/define-rule';
import { defineOptions, option } from '../../engine/rule-options';
import { isCodeFile } from '../../engine/source-kinds';
import type { RuleFixer, SuggestionDescriptor, TextEdit } from '../../engine/types';
import { redact, shannonEntropy, TOKEN_PATTERNS } from '../../engine/secret-mask';

export const DEFAULT_ALLOWED_SECRET_VALUES = ['example', 'dummy', 'placeholder', 'changeme', 'fake', 'sample', 'redacted', 'x{8,}', '\\*{4,}'];

/**
 * Source files of other languages, where (as in TypeScript) an unquoted value is an expression
 * (`password = os.environ["DB_PASSWORD"]`), so only quoted values are candidates.
 */
const OTHER_LANGUAGE_EXTENSIONS = [
  'py',
  'rb',
  'go',
  'java',
  'kt',
  'kts',
  'scala',
  'groovy',
  'gradle',
  'php',
  'cs',
  'swift',
  'rs',
  'vue',
  'svelte',
  'astro',
  'ps1',
  'psm1',
];

/** Non-code files scanned as text, besides TypeScript and JavaScript: configuration, docs, scripts and other languages' sources. */
export const SECRET_TEXT_FILES = [
  `**/*.{json,jsonc,json5,yml,yaml,toml,ini,cfg,conf,properties,xml,md,mdx,txt,sh,bash,zsh,env,pem,key,tf,tfvars,tfstate,n` +
    `pmrc,html,sql,bat,cmd,${OTHER_LANGUAGE_EXTENSIONS.join(',')}}`,
  '**/.env',
  '**/.env.*',
  '**/.envrc',
  '**/.npmrc',
  '**/.netrc',
  '**/.git-credentials',
  '**/.aws/credentials',
  '**/id_{rsa,dsa,ecdsa,ed25519}',
  '**/Dockerfile',
];

const QUOTED_VALUES_ONLY = new RegExp(`\\.(?:${OTHER_LANGUAGE_EXTENSIONS.join('|')})$`);

// The words a secret's name holds. A line without one (nor an environment fallback) cannot match
// the assignment expressions below, whose lazy name prefix is tried at every offset: most lines of
// most files are skipped by this one cheap search.
const SECRET_WORDS = 'password|passwd|pwd|secret|token|api[_-]?key|apikey|access[_-]?key|private[_-]?key|auth[_-]?key|credentials?';
const SECRET_WORD = new RegExp(SECRET_WORDS, 'i');
const ENVIRONMENT_REFERENCE = /process\.env|import\.meta\.env/;
// `name = value`, `name: value`, `"name": "value"`, `NAME=value` where the name says "secret".
const SECRET_NAME = `[A-Za-z0-9_.-]*?(?:${SECRET_WORDS})[A-Za-z0-9_]*`;
// Values stop at quotes, separators and brackets: keys and tokens do not contain them, code and patterns do.
const ASSIGNMENT = new RegExp(`(${SECRET_NAME})["']?\\s*(?::=|=>|:|=)\\s*(["'\`]?)([^\\s"'\`,;()[\\]{}<>\\\\|]{10,})\\2`, 'gi');
const MIN_ENTROPY = 3.2;
const ANY_TOKEN = new RegExp(TOKEN_PATTERNS.map(({ regex }) => regex.source).join('|'));
const SECRET_NAME_ONLY = new RegExp(`^${SECRET_NAME}$`, 'i');
// `password123`, `test-secret-token`: a value that spells out what it stands for is a placeholder.
const SELF_DESCRIBING = /password|passwd|secret|token|api[_-]?key|^(?:your|my)[-_]/i;
// .netrc: `machine host login user password value`, words separated by white space.
const NETRC_PASSWORD = /\b(password|passwd)\s+(\S{10,})/g;
// `process.env.API_KEY ?? '…'`, `import.meta.env['API_KEY'] || "…"`: a default that ships when the variable is unset.
const ENVIRONMENT_FALLBACK =
  /(?:process\.env|import\.meta\.env)(?:\.([A-Za-z_][A-Za-z0-9_]*)|\[\s*["'`]([^"'`]+)["'`]\s*\])\s*(?:\?\?|\|\|)\s*(["'`])([^\s"'`]{10,})\3/g;

/**
 * Credentials committed to a repository are leaked to everyone who can read it, its forks and its
 * caches. Scans code and the project's text files (JSON, YAML, `.env`, Markdown...), and never
 * repeats a secret in full: messages show at most its first four characters.
 */
export default defineRule({
  id: 'security/no-secrets',
  meta: {
    category: 'security',
    defaultSeverity: 'error',
    docs: {
      description: 'Disallow credentials in source and configuration files: known token formats and high-entropy values assigned to secret-like names.',
      rationale:
        'A committed secret is readable by everyone with access to the repository, its history, forks, CI logs and caches; it ' +
        'must come from the environment or a secret store, and a leaked one must be revoked.',
    },
    messages: {
      secretToken: 'Possible {{kind}} ({{preview}}): load it from the environment or a secret store, and revoke it if it was ever committed.',
      secretAssignment:
        '"{{name}}" is assigned a secret-looking value ({{preview}}): load it from the environment or a secret store, and revoke it if it was ever committed.',
      useEnvironment: 'Read the value from the environment: `process.env.<NAME>` in place of the literal, NAME the assigned name in SCREAMING_SNAKE_CASE.',
    },
    // Hints name the variable, never the value.
    hints: {
      useEnvironment: 'Set the variable in every environment that runs this code (and in CI), and revoke the value that was committed.',
      secretToken: 'Delete the {{kind}} from the file and revoke it (it stays in the history); read it at run time from the environment or a secret store.',
      secretAssignment:
        'Read "{{name}}" from the environment instead (in code `process.env.<NAME>`, the name in SCREAMING_SNAKE_CASE, which the rule\'s suggestion fix ' +
        'writes for a literal assigned to a name) or from a secret store, and revoke the committed value.',
    },
    // A suggestion: the value must then be set in every environment, and `process.env` may be undefined.
    hasSuggestions: true,
    options: defineOptions({
      allowValues: option.stringArray({
        default: DEFAULT_ALLOWED_SECRET_VALUES,
        description: 'Regular expressions (case-insensitive) for known fake values, e.g. documentation examples.',
      }),
      maxLineLength: option.integer({
        minimum: 80,
        default: 4096,
        description: 'Lines longer than this (minified code) are searched only for known token formats.',
      }),
    }),
    textFiles: SECRET_TEXT_FILES,
  },
  create(context) {
    const allowed = context.options.allowValues.map((source) => new RegExp(source, 'i'));
    const isAllowed = (value: string) => allowed.some((regex) => regex.test(value));
    // In code an unquoted value is an expression (`password: input.password`), not a literal.
    const requireQuotes = isCodeFile(context.file) || QUOTED_VALUES_ONLY.test(context.file);
    const isNetrc = /(^|\/)[._]netrc$/.test(context.file);
    const fixes = requireQuotes ? new EnvironmentFixes(() => context.sourceFile) : undefined;
    return {
      Text(text) {
        const reported = new Set<number>();
        // One pass finds whether any known token format occurs at all; then each is searched for.
        for (const { kind, regex } of ANY_TOKEN.test(text) ? TOKEN_PATTERNS : []) {
          // Tests of TLS clients ship their own self-signed keys (tests/client_certs/client.key), and
          // dev servers their localhost certificate's (localhost.pem): keys that protect nothing.
          // Tests of auth code decode sample tokens (jwt.io's) by the dozen.
          if (
            (kind === 'private key' || kind === 'JSON Web Token') &&
            (context.isTestFile || (kind === 'private key' && LOCALHOST_KEY_FILE.test(context.file)))
          )
            continue;
          for (const match of text.matchAll(regex)) {
            const start = match.index as number;
            if (isAllowed(match[0]) || reported.has(start)) continue;
            // A key has a body: a placeholder (`-----BEGIN PRIVATE KEY-----\nYour private key here`) has none.
            if (kind === 'private key' && !KEY_BODY.test(text.slice(start + match[0].length, start + match[0].length + 400))) continue;
            reported.add(start);
            context.report({
              range: [start, start + match[0].length],
              messageId: 'secretToken',
              data: { kind, preview: redact(match[0]) },
              suggest: fixes?.suggestionFor(start, start + match[0].length) ?? [],
            });
          }
        }
        // The netrc expression needs `password`, a secret word too: one test covers every candidate.
        if (!SECRET_WORD.test(text) && !ENVIRONMENT_REFERENCE.test(text)) return;
        let lineStart = 0;
        for (const line of text.split('\n')) {
          if (line.length <= context.options.maxLineLength && (SECRET_WORD.test(line) || ENVIRONMENT_REFERENCE.test(line))) {
            const candidates = [
              ...[...line.matchAll(ASSIGNMENT)].map((match) => ({ match, name: match[1], quote: match[2], value: match[3] })),
              ...[...line.matchAll(ENVIRONMENT_FALLBACK)]
                .map((match) => ({ match, name: match[1] ?? match[2], quote: match[3], value: match[4] }))
                .filter(({ name }) => SECRET_NAME_ONLY.test(name) || /(?:^|_)KEY$/i.test(name)),
              ...(isNetrc ? [...line.matchAll(NETRC_PASSWORD)].map((match) => ({ match, name: match[1], quote: '', value: match[2] })) : []),
            ];
            for (const { match, name, quote, value } of candidates) {
              const start = lineStart + (match.index as number) + match[0].length - value.length - quote.length;
              if (requireQuotes && quote === '') continue;
              // Tests and documentation hold made-up credentials by the dozen (example payloads, sample
              // configs): there only known token formats count.
              if (context.isTestFile || DOCUMENTATION.test(context.file)) continue;
              if (isNxCloudToken(context.file, name) || isPublicVariable(name)) continue;
              if (
                !looksSecret(value) ||
                isOwnName(value, name) ||
                isAllowed(value) ||
                [...reported].some((offset) => offset >= start && offset < start + value.length)
              )
                continue;
              reported.add(start);
              context.report({
                range: [start, start + value.length],
                messageId: 'secretAssignment',
                data: { name, preview: redact(value) },
                suggest: fixes?.suggestionFor(start, start + value.length) ?? [],
              });
            }
          }
          lineStart += line.length + 1;
        }
      },
    };
  },
});

/**
 * nx.json's `nxCloudAccessToken`: Nx Cloud documents committing it (a read-only token, for cache
 * reads) as the way to share the remote cache.
 */
function isNxCloudToken(file: string, name: string): boolean {
  return /(^|\/)nx\.json$/.test(file) && name === 'nxCloudAccessToken';
}

/** Prose and its examples: Markdown, MDX, reStructuredText, AsciiDoc. */
const DOCUMENTATION = /\.(?:md|mdx|markdown|rst|adoc|asciidoc)$/i;

/** Base64 right after the header (real line breaks or JSON's `\n`), past optional `Proc-Type:` lines. */
const KEY_BODY = /^(?:\s|\\n|\\r)*(?:[\w-]+:[^\n]*(?:\n|\\n))*(?:\s|\\n|\\r)*[A-Za-z0-9+/]{40,}/;

/** `localhost.pem`, `localhost-key.pem`, `certs/localhost.key`: a development server's own certificate. */
const LOCALHOST_KEY_FILE = /(?:^|\/)localhost[\w.-]*\.(?:pem|key)$/i;

/**
 * Variables bundlers inline into the browser code (`NEXT_PUBLIC_…`, `VITE_…`, `REACT_APP_…`,
 * `NX_PUBLIC_…`): shipped to every visitor by design, so what they hold is public (an analytics
 * write key, a publishable client key). A known secret format in one is still reported above.
 */
const PUBLIC_VARIABLE = /^(?:NEXT_PUBLIC|NUXT_PUBLIC|EXPO_PUBLIC|NX_PUBLIC|NX_REACT_APP|REACT_APP|VITE|GATSBY|PUBLIC|STORYBOOK)_/;

function isPublicVariable(name: string): boolean {
  return PUBLIC_VARIABLE.test(name);
}

/**
 * `CLIENT_SECRET = 'CLIENT_SECRET'` (an enum member, an action type), `apiKey: 'API_KEY_V2'`: a
 * value that is a name, its own or a constant's, not a credential.
 */
function isOwnName(value: string, name: string): boolean {
  const letters = (text: string) => text.replace(/[^A-Za-z0-9]/g, '').toLowerCase();
  if (letters(value) === letters(name)) return true;
  return /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(value) && /[A-Z]{3,}/.test(value);
}

/**
 * Random-looking: letters and digits, enough entropy, and not one of the shapes that only look
 * random at a glance: references to the environment, URLs without credentials, UUIDs, paths and
 * file names, and human-readable names (several runs of four or more lowercase letters).
 */
function looksSecret(value: string): boolean {
  if (SELF_DESCRIBING.test(value)) return false;
  // Keys and tokens are printable ASCII; anything else is text in a human language (a translation).
  if (/[^\x21-\x7e]/.test(value)) return false;
  // Publishable keys are made to ship in client code: Stripe's `pk_…`, PostHog's project keys `phc_…`.
  if (/^(?:pk_(?:live|test)_|phc_)/.test(value)) return false;
  if (/^[$%{<]|\$\{|\{\{|process\.env|^env\(/i.test(value)) return false;
  // A URL is a secret only through the password it carries (`scheme://user:password@host`).
  const credentials = /^[a-z][a-z0-9+.-]*:\/\/[^/@\s:]+:([^/@\s]+)@/i.exec(value);
  if (credentials) return looksSecret(credentials[1]);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return false;
  if (!/[A-Za-z]/.test(value) || !/\d/.test(value)) return false;
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)) return false;
  if (/^\.{0,2}\//.test(value) || /\.[a-z]{2,5}$/i.test(value)) return false;
  if ((value.match(/[a-z]{4,}/g) ?? []).length >= 2) return false;
  return shannonEntropy(value) >= MIN_ENTROPY;
}

/**
 * The suggestion for a secret that is a whole string literal assigned to a name (a variable, a
 * property, a parameter default): `process.env.<NAME>` in its place, NAME the name in
 * SCREAMING_SNAKE_CASE. The fix holds offsets and the environment reference, never the value.
 */
class EnvironmentFixes {
  private sourceFile?: ts.SourceFile | null;

  constructor(private readonly parse: () => ts.SourceFile) {}

  /** Looked at only when fixing: whether the secret is a whole literal assigned to a name is a matter of the syntax tree. */
  suggestionFor(start: number, end: number): [SuggestionDescriptor<'useEnvironment'>] {
    return [{ messageId: 'useEnvironment', fix: (fixer) => this.fix(fixer, start, end) }];
  }

  private fix(fixer: RuleFixer, start: number, end: number): TextEdit | null {
    const sourceFile = this.syntaxTree();
    const literal = sourceFile && stringLiteralAt(sourceFile, start, end);
    const name = literal && assignedName(literal);
    const environmentName = name === undefined ? undefined : environmentNameOf(name);
    if (!literal || environmentName === undefined) return null;
    return fixer.replaceText(literal, `process.env.${environmentName}`);
  }

  /** Parsed only when a secret is found; a file that does not parse gets no fix (the parse error is reported by the engine). */
  private syntaxTree(): ts.SourceFile | undefined {
    if (this.sourceFile === undefined) {
      try {
        this.sourceFile = this.parse();
      } catch {
        this.sourceFile = null;
      }
    }
    return this.sourceFile ?? undefined;
  }
}

/** The string literal whose content is exactly `[start, end)`, if the secret is one. */
function stringLiteralAt(sourceFile: ts.SourceFile, start: number, end: number): ts.StringLiteral | ts.NoSubstitutionTemplateLiteral | undefined {
  const visit = (node: ts.Node): ts.StringLiteral | ts.NoSubstitutionTemplateLiteral | undefined => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      return node.getStart(sourceFile) + 1 === start && node.getEnd() - 1 === end ? node : undefined;
    }
    return ts.forEachChild(node, (child) => (child.pos <= start && end <= child.end ? visit(child) : undefined));
  };
  return visit(sourceFile);
}

/** The name a literal is assigned to: `name = '…'`, `{ name: '…' }`, `obj.name = '…'`, a class property or parameter default. */
function assignedName(literal: ts.Expression): string | undefined {
  const parent = literal.parent;
  if ((ts.isVariableDeclaration(parent) || ts.isParameter(parent)) && parent.initializer === literal)
    return ts.isIdentifier(parent.name) ? parent.name.text : undefined;
  if ((ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) && parent.initializer === literal) return propertyNameText(parent.name);
  if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken && parent.right === literal) {
    const target = parent.left;
    if (ts.isIdentifier(target)) return target.text;
    if (ts.isPropertyAccessExpression(target)) return target.name.text;
    if (ts.isElementAccessExpression(target) && ts.isStringLiteralLike(target.argumentExpression)) return target.argumentExpression.text;
  }
  return undefined;
}

function propertyNameText(name: ts.PropertyName): string | undefined {
  if (ts.isIdentifier(name) || ts.isStringLiteralLike(name)) return name.text;
  if (ts.isPrivateIdentifier(name)) return name.text.slice(1);
  return undefined;
}

/** `apiKey` → `API_KEY`, `x-api-key` → `X_API_KEY`; undefined when the result is not an identifier. */
export function environmentNameOf(name: string): string | undefined {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word !== '');
  const environmentName = words.join('_').toUpperCase();
  return /^[A-Z_][A-Z0-9_]*$/.test(environmentName) ? environmentName : undefined;
}
