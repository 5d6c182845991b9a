import { ts } from '../../../lazy/typescript';
import { defineRule } from '../../engine/define-rule';
import { defineOptions, option, type OptionsOf } from '../../engine/rule-options';
import type { FixFunction, RuleFixer, TextEdit } from '../../engine/types';
import { declaringScope, isGlobalReference } from '../rule-utils/global-reference';
import { DEFAULT_SCRIPT_FILES, entryPointMatcher, hasShebang } from '../rule-utils/file-roles';
import { isDeclaredProgram, projectRootOf } from '../rule-utils/declared-entry-points';
import { readModule, resolveModulePath, type FileAccess } from '../rule-utils/module-paths';
import type { WorkspaceView } from '../../engine/workspace-view';
import { syntaxKindSet } from '../../engine/syntax-kind-set';

/** The logger method a console method becomes; methods without one (`table`, `dir`...) get no fix. */
const LOGGER_METHODS: Readonly<Record<string, string>> = { log: 'info', info: 'info', warn: 'warn', error: 'error', debug: 'debug', trace: 'debug' };

const LOGGER_EXPRESSION = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*$/;

const options = defineOptions({
  allow: option.arrayOf(option.string(), { uniqueItems: true, default: [], description: 'Console methods that stay allowed, e.g. ["error"].' }),
  logger: option.string({
    default: '',
    description:
      'The logger to use instead, named in the message; its first word (an identifier or dotted path, e.g. `logger` in ' +
      '"logger from @acme/logging") is what the fix calls.',
  }),
  loggerModule: option.string({
    default: '',
    description:
      'The module the logger is imported from, e.g. "@acme/logging": the fix adds the import where a file lacks it. Empty: ' +
      'the fix applies only where the logger is already imported or declared.',
  }),
  entryPoints: option.stringArray({
    default: [...DEFAULT_SCRIPT_FILES],
    description:
      'Files that print by design (CLIs, scripts, examples, generators, bootstraps, the logger itself): globs relative to the ' +
      'workspace root. Files that start with a shebang (`#!`) always print by design.',
  }),
});

export type NoConsoleOptions = OptionsOf<typeof options>;

/**
 * Console output bypasses the application's logger: no levels, no structure, no redaction, and it
 * is lost in production log pipelines. Test files and configured entry points (CLIs) are exempt.
 */
export default defineRule({
  id: 'logging/no-console',
  meta: {
    category: 'logging',
    defaultSeverity: 'off',
    // Tests do on purpose what this rule forbids in application code.
    testFiles: 'skip',
    docs: {
      description: 'Disallow `console.*` in non-test code; log through the project logger.',
      rationale:
        'Console output has no levels, structure or redaction and is easily lost or leaks data in production; a logger can be configured, filtered and tested.',
    },
    messages: {
      unexpected: 'Unexpected console.{{method}}(): log through the project logger instead.',
      unexpectedWithLogger: 'Unexpected console.{{method}}(): use {{logger}} instead.',
    },
    hints: {
      unexpected:
        "Log through the project logger instead of console.{{method}}(), e.g. `logger.info(…)`; set the rule's `logger` and " +
        "`loggerModule` options so the rule's fix rewrites the call, or list the file in `entryPoints` if it prints by design.",
      unexpectedWithLogger:
        'Replace console.{{method}}(…) with the matching call of {{logger}} (log/info → info, warn → warn, error → error, ' +
        "debug/trace → debug); the rule's fix does it where the logger is imported or `loggerModule` is set.",
    },
    fixable: 'safe',
    options,
    equivalents: { eslint: ['no-console'] },
    keywords: ['console'],
    coverage: { unit: 'console references' },
  },
  create(context) {
    if (hasShebang(context.text)) return {};
    if (context.options.entryPoints.length > 0 && entryPointMatcher(context.options.entryPoints)(context.file)) return {};
    const allowed = new Set(context.options.allow);
    const fixes = new LoggerFixes(context.file, context.options, () => loggerModuleMayExist(context));
    // Read only once a call is found: most files print nothing, and reading records a dependency.
    let declaredProgram: boolean | undefined;
    const isProgram = () => (declaredProgram ??= isDeclaredProgram(context.file, (path) => context.readFile(path), projectRootOf(context)));
    const check = (node: ts.PropertyAccessExpression | ts.ElementAccessExpression, method: string | undefined): void => {
      if (!isGlobalReference(node.expression, 'console')) return;
      context.examined();
      if (method !== undefined && allowed.has(method)) return;
      if (isDevelopmentOnly(node)) return;
      if (isProgram()) return;
      const logger = context.options.logger;
      const fix = fixes.fixFor(node, method, context.sourceFile);
      context.report({
        node,
        messageId: logger ? 'unexpectedWithLogger' : 'unexpected',
        data: { method: method ?? '*', logger },
        ...(fix ? { fix } : {}),
      });
    };
    return {
      PropertyAccessExpression(node) {
        check(node, node.name.text);
      },
      ElementAccessExpression(node) {
        const argument = node.argumentExpression;
        check(node, ts.isStringLiteralLike(argument) ? argument.text : undefined);
      },
    };
  },
});

/**
 * The safe fix of a `console.<method>(…)` call: the configured logger's call instead, plus its
 * import when the file lacks it and `loggerModule` says where it comes from. Only calls: a console
 * method passed as a callback would lose its `this` as a logger method.
 */
class LoggerFixes {
  private readonly expression?: string;
  private readonly root?: string;
  /** How the file binds the logger's root name, looked up once per file. */
  private binding?: Binding;

  private moduleExists?: boolean;

  constructor(
    private readonly file: string,
    private readonly options: NoConsoleOptions,
    private readonly loggerModuleExists: () => boolean,
  ) {
    const expression = options.logger.split(/\s+from\s+/)[0].trim();
    if (LOGGER_EXPRESSION.test(expression)) {
      this.expression = expression;
      this.root = expression.split('.')[0];
    }
  }

  /** The fix of a call that may have one; what needs the file's bindings is looked at only when fixing. */
  fixFor(node: ts.PropertyAccessExpression | ts.ElementAccessExpression, method: string | undefined, sourceFile: ts.SourceFile): FixFunction | undefined {
    const level = method === undefined ? undefined : LOGGER_METHODS[method];
    const { expression, root } = this;
    if (!expression || !root || !level) return undefined;
    if (!ts.isCallExpression(node.parent) || node.parent.expression !== node) return undefined;
    return (fixer) => this.fix(fixer, node, `${expression}.${level}`, root, sourceFile);
  }

  private fix(fixer: RuleFixer, node: ts.Node, replacement: string, root: string, sourceFile: ts.SourceFile): TextEdit | null {
    this.binding ??= bindingOf(sourceFile, root);
    // A type of that name would clash with the import, and cannot be called; a plain value
    // (`var logger = 5`) is no logger.
    if (this.binding === 'type' || this.binding === 'other') return null;
    // `catch (logger)`, a parameter or a local named like the logger: the call would reach it instead.
    const declaredIn = declaringScope(node, root);
    if (declaredIn && !ts.isSourceFile(declaredIn)) return null;
    const edit = fixer.replaceText(node, replacement);
    if (this.binding === 'value') return edit;
    if (this.options.loggerModule === '' || !acceptsImports(this.file, sourceFile)) return null;
    // An import of a module that is not there would break the build.
    if (!(this.moduleExists ??= this.loggerModuleExists())) return null;
    fixer.addImport(this.options.loggerModule, [root]);
    return edit;
  }
}

type Binding = 'value' | 'type' | 'other' | 'none';

/** What a top-level statement of the file binds `name` to: a value (import, variable, function, class), plain data, only a type, or nothing. */
function bindingOf(sourceFile: ts.SourceFile, name: string): Binding {
  let found: Binding = 'none';
  for (const statement of sourceFile.statements) {
    const binding = statementBinding(statement, name);
    if (binding === 'value') return 'value';
    if (binding !== 'none') found = binding;
  }
  return found;
}

function statementBinding(statement: ts.Statement, name: string): Binding {
  if (ts.isImportDeclaration(statement)) {
    const clause = statement.importClause;
    if (!clause) return 'none';
    const kind = (typeOnly: boolean): Binding => (typeOnly || clause.isTypeOnly ? 'type' : 'value');
    if (clause.name?.text === name) return kind(false);
    const bindings = clause.namedBindings;
    if (bindings && ts.isNamespaceImport(bindings)) return bindings.name.text === name ? kind(false) : 'none';
    const element = bindings?.elements.find((candidate) => candidate.name.text === name);
    return element ? kind(element.isTypeOnly) : 'none';
  }
  if (ts.isImportEqualsDeclaration(statement)) return statement.name.text === name ? 'value' : 'none';
  if (ts.isVariableStatement(statement)) {
    const declaration = statement.declarationList.declarations.find((candidate) => bindsName(candidate.name, name));
    if (!declaration) return 'none';
    return declaration.initializer && isPlainData(declaration.initializer) ? 'other' : 'value';
  }
  if (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isEnumDeclaration(statement))
    return statement.name?.text === name ? 'value' : 'none';
  if (ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) return statement.name.text === name ? 'type' : 'none';
  return 'none';
}

const plainDataKinds = syntaxKindSet(() => [
  ts.SyntaxKind.NumericLiteral,
  ts.SyntaxKind.BigIntLiteral,
  ts.SyntaxKind.StringLiteral,
  ts.SyntaxKind.RegularExpressionLiteral,
  ts.SyntaxKind.NoSubstitutionTemplateLiteral,
  ts.SyntaxKind.TemplateExpression,
  ts.SyntaxKind.ArrayLiteralExpression,
  ts.SyntaxKind.TrueKeyword,
  ts.SyntaxKind.FalseKeyword,
  ts.SyntaxKind.NullKeyword,
]);

/** A literal, or an object or array of them: data, not a logger. */
function isPlainData(node: ts.Expression): boolean {
  return plainDataKinds.has(node.kind) || (ts.isPrefixUnaryExpression(node) && ts.isNumericLiteral(node.operand));
}

function bindsName(binding: ts.BindingName, name: string): boolean {
  if (ts.isIdentifier(binding)) return binding.text === name;
  return binding.elements.some((element) => !ts.isOmittedExpression(element) && bindsName(element.name, name));
}

/**
 * Whether an `import` declaration may be added: not to CommonJS files (`.cjs`, `.cts`, or a `.js`
 * without any import or export), where it would not run.
 */
function acceptsImports(file: string, sourceFile: ts.SourceFile): boolean {
  if (/\.c[jt]s$/i.test(file)) return false;
  if (!/\.jsx?$/i.test(file)) return true;
  return sourceFile.statements.some(
    (statement) =>
      ts.isImportDeclaration(statement) ||
      ts.isExportDeclaration(statement) ||
      ts.isExportAssignment(statement) ||
      (ts.canHaveModifiers(statement) && (ts.getModifiers(statement) ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword)),
  );
}

// Conditions that hold only in development builds: Angular's isDevMode()/ngDevMode, React Native's
// __DEV__, NODE_ENV checks; and opt-in diagnostics, a flag named for them (`if (DEBUG)`,
// `if (this.verbose)`, `if (Calculator.ENABLE_LOGGING)`): output someone switches on to see it.
const DEBUG_FLAG = /debug|DEBUG|Debug|verbose|VERBOSE|Verbose|ENABLE_LOGGING|enableLogging|logging|LOGGING|Logging|trace|TRACE/;
const DEVELOPMENT_ONLY = new RegExp(
  [
    /\bisDevMode\s*\(\s*\)|\bngDevMode\b|\b__DEV__\b/.source,
    /process\.env\.NODE_ENV\s*!==?\s*['"`]production['"`]|process\.env\.NODE_ENV\s*===?\s*['"`](?:development|dev)['"`]/.source,
    `^!?\\s*(?:[\\w$]+\\??\\.)*(?:[\\w$]*(?:${DEBUG_FLAG.source})[\\w$]*)$`,
  ].join('|'),
);

/**
 * A warning a library prints only in development builds (`if (isDevMode()) console.warn(…)`,
 * `ngDevMode && console.warn(…)`): the way frameworks talk to the developers who use them, never
 * seen in production.
 */
function isDevelopmentOnly(node: ts.Node): boolean {
  for (let child = node, parent = node.parent; parent && !ts.isSourceFile(parent); child = parent, parent = parent.parent) {
    if (ts.isIfStatement(parent) && parent.thenStatement === child && DEVELOPMENT_ONLY.test(parent.expression.getText())) return true;
    if (
      ts.isBinaryExpression(parent) &&
      parent.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken &&
      parent.right === child &&
      DEVELOPMENT_ONLY.test(parent.left.getText())
    )
      return true;
    if (ts.isConditionalExpression(parent) && parent.whenTrue === child && DEVELOPMENT_ONLY.test(parent.condition.getText())) return true;
  }
  return false;
}

/**
 * Whether `loggerModule` may be imported from this file: a relative path or a root tsconfig alias
 * into this project must lead to a source file; a package, or a path into another project (whose
 * files this project's task does not read), is taken as the option says.
 */
function loggerModuleMayExist(context: FileAccess & { file: string; options: NoConsoleOptions; workspace?: WorkspaceView }): boolean {
  const readFile = (path: string) => context.readFile(path);
  const target = resolveModulePath(context.options.loggerModule, context.file, context);
  if (target === undefined) return true;
  if (context.workspace && context.workspace.projectOfFile(target) !== context.workspace.projectOfFile(context.file)) return true;
  return readModule(target, readFile) !== undefined;
}
