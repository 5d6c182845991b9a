import picomatch from 'picomatch';
import { ts } from '../../../lazy/typescript';
import { defineRule } from '../../engine/define-rule';
import { defineOptions, option } from '../../engine/rule-options';

export const DEFAULT_DATE_IGNORE_FILES = ['**/fixtures/**', '**/__fixtures__/**', '**/*.fixture.*', '**/__snapshots__/**', '**/mocks/**'];

// A calendar date with a consistent separator, optionally with a time: 2025-12-01, 2025/12/01T10:00Z.
// Not part of a name: `gpt-4o-2024-08-06`, `report_2024-01-01.csv` and `2024-02-15-preview` are
// identifiers and versions that carry a date, not dates the code acts on.
const DATE_IN_TEXT = new RegExp(
  [
    /(?<![\d.])(?<![A-Za-z0-9_][-_])(?<![A-Za-z_])/.source,
    /((?:19|20|21)\d{2})([-/])(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])/.source,
    /(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?/.source,
    /(?![\d])(?![-_][A-Za-z])/.source,
  ].join(''),
  'g',
);

/** Dates that mean "no date" rather than a day: the Unix epoch and the usual minimum sentinels. */
const SENTINEL_DATES = /^(?:1970-01-01|1900-01-01)(?:[T ]00:00(?::00(?:\.0+)?)?(?:Z|[+-]00:?00)?)?$/;

/** Properties and calls whose strings are documentation or sample data: Swagger `example:`, zod `.describe()`. */
const DOCUMENTATION_NAMES = /^(?:examples?|sample|placeholder|description|describe|summary|title|label|hint|help|comment|note)$/i;

/** A loose form of DATE_IN_TEXT for the keyword pre-check. */
const DATE_SHAPE = /(?:19|20|21)\d{2}[-/](?:0[1-9]|1[0-2])[-/]/;

/** Compiled once per options object (one per configuration), not once per file. */
const ignoreMatchers = new WeakMap<readonly string[], (file: string) => boolean>();
function ignoreMatcherOf(globs: readonly string[]): (file: string) => boolean {
  let matcher = ignoreMatchers.get(globs);
  if (!matcher) {
    matcher = picomatch([...globs], { dot: true });
    ignoreMatchers.set(globs, matcher);
  }
  return matcher;
}

/**
 * Dates written into code rot: what was "next release" or "end of trial" becomes a silent bug on
 * the day after. The original enforcer demanded that every date equal today and drowned its users;
 * this rule flags dates used as values in code, not dates in comments, imports or test data.
 */
export default defineRule({
  id: 'dates/no-hardcoded-date',
  meta: {
    category: 'dates',
    // Off by default: its precision on real repositories is below the 90% a default rule needs (see its doc).
    defaultSeverity: 'off',
    // Tests do on purpose what this rule forbids in application code.
    testFiles: 'skip',
    docs: {
      description: 'Disallow calendar dates hardcoded in code: date strings and Date constructions from literals.',
      rationale:
        'A literal date in logic becomes wrong on a day nobody chose; dates belong to the clock, to configuration, or to a ' +
        'named constant whose meaning is explicit.',
    },
    messages: {
      dateInString: 'Hardcoded date "{{date}}": take it from the clock, from configuration, or from a named constant that says what the date means.',
      dateConstructor:
        '{{call}} builds a fixed calendar date: take it from the clock, from configuration, or from a named constant that says what the date means.',
    },
    hints: {
      dateInString:
        'Move "{{date}}" into an UPPER_CASE constant that names it (`const TRIAL_END = \'{{date}}\'`), read it from ' +
        'configuration, or compute it from the clock (`new Date()`).',
      dateConstructor:
        "Pass a named constant instead of literals (`const LAUNCH_DATE = '…'`, then `new Date(LAUNCH_DATE)`), or read the date " +
        'from configuration or the clock (`new Date()`).',
    },
    options: defineOptions({
      ignoreFiles: option.stringArray({
        default: DEFAULT_DATE_IGNORE_FILES,
        description: 'Globs (relative to the workspace root) of files where literal dates are data; test files are always skipped.',
      }),
    }),
    // Only a file with date-shaped text or a Date construction can match: most files are never parsed for this rule.
    keywords: [DATE_SHAPE, /\bDate(?:\.(?:parse|UTC))?\s*\(/],
  },
  create(context) {
    if (context.options.ignoreFiles.length > 0 && ignoreMatcherOf(context.options.ignoreFiles)(context.file)) return {};
    const coveredLiterals = new Set<ts.Node>();
    const checkText = (node: ts.Node, text: string) => {
      if (coveredLiterals.has(node) || isModuleSpecifier(node) || isNamedDate(node) || isDocumentation(node) || isProse(text)) return;
      const date = [...text.matchAll(DATE_IN_TEXT)].map((match) => match[0]).find((candidate) => !SENTINEL_DATES.test(candidate));
      if (date !== undefined) context.report({ node, messageId: 'dateInString', data: { date } });
    };
    const checkDateCall = (node: ts.CallExpression | ts.NewExpression, call: string) => {
      const args = node.arguments ?? [];
      const literal = call === 'Date.UTC' ? args.length > 0 && args.every(isNumberLiteral) : isDateLiteralArguments(args);
      if (!literal || (args.length === 1 && ts.isStringLiteralLike(args[0]) && SENTINEL_DATES.test(args[0].text))) return;
      args.forEach((argument) => coveredLiterals.add(argument));
      context.report({ node, messageId: 'dateConstructor', data: { call: `${call}(${args.map((a) => a.getText()).join(', ')})`.slice(0, 80) } });
    };
    return {
      NewExpression(node) {
        if (ts.isIdentifier(node.expression) && node.expression.text === 'Date') checkDateCall(node, 'new Date');
      },
      CallExpression(node) {
        const callee = node.expression;
        if (
          ts.isPropertyAccessExpression(callee) &&
          ts.isIdentifier(callee.expression) &&
          callee.expression.text === 'Date' &&
          ['parse', 'UTC'].includes(callee.name.text)
        ) {
          checkDateCall(node, `Date.${callee.name.text}`);
        }
      },
      StringLiteral(node) {
        checkText(node, node.text);
      },
      NoSubstitutionTemplateLiteral(node) {
        checkText(node, node.text);
      },
      TemplateExpression(node) {
        checkText(node, [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join('\u0000'));
      },
    };
  },
});

/** `new Date('…')`, `new Date(2025, 0, 1)`, `new Date(1700000000000)`; not `new Date()` or `new Date(0)`. */
function isDateLiteralArguments(args: readonly ts.Expression[]): boolean {
  if (args.length === 0) return false;
  if (args.length === 1) {
    const [only] = args;
    if (ts.isStringLiteralLike(only)) return true;
    return isNumberLiteral(only) && Number((only as ts.NumericLiteral).text) !== 0;
  }
  return args.every(isNumberLiteral);
}

function isNumberLiteral(node: ts.Expression): boolean {
  return ts.isNumericLiteral(node) || (ts.isPrefixUnaryExpression(node) && ts.isNumericLiteral(node.operand));
}

/**
 * The remedy the message asks for: a date that is the whole value of a named constant
 * (`const TRIAL_END = '2025-12-01'`) or of a version (`apiVersion: '2023-10-16'`) says what it means.
 */
function isNamedDate(node: ts.Node): boolean {
  const parent = outerExpression(node).parent;
  node = outerExpression(node);
  if (ts.isVariableDeclaration(parent) && parent.initializer === node && ts.isIdentifier(parent.name)) {
    const isConst = (ts.getCombinedNodeFlags(parent) & ts.NodeFlags.Const) !== 0;
    return (isConst && /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/.test(parent.name.text)) || /version/i.test(parent.name.text);
  }
  if (ts.isPropertyAssignment(parent) && parent.initializer === node) return /version/i.test(parent.name.getText());
  return false;
}

/** The expression a literal stands for once `as const`, casts, `satisfies`, `!` and parentheses are looked through. */
function outerExpression(node: ts.Node): ts.Node {
  let current = node;
  while (
    ts.isParenthesizedExpression(current.parent) ||
    ts.isAsExpression(current.parent) ||
    ts.isSatisfiesExpression(current.parent) ||
    ts.isTypeAssertionExpression(current.parent) ||
    ts.isNonNullExpression(current.parent)
  ) {
    current = current.parent;
  }
  return current;
}

/**
 * Documentation and sample data: the value of an `example`/`description` property (at any depth of
 * it, as in `examples: { a: { value: '…' } }`), or an argument of `.describe(…)`.
 */
function isDocumentation(node: ts.Node): boolean {
  for (let current: ts.Node = node; current.parent && !ts.isStatement(current.parent); current = current.parent) {
    const parent = current.parent;
    if (ts.isPropertyAssignment(parent) && parent.initializer === current && DOCUMENTATION_NAMES.test(parent.name.getText().replace(/^['"]|['"]$/g, '')))
      return true;
    if (ts.isCallExpression(parent) && parent.arguments.includes(current as ts.Expression)) {
      const callee = parent.expression;
      const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : '';
      return DOCUMENTATION_NAMES.test(name);
    }
  }
  return false;
}

/**
 * Text that shows a date as an example of a format (`'Date as YYYY-MM-DD, e.g. 2026-07-20'`): for
 * people, not a value the code acts on. A sentence with a date and no such marker ("Offer ends
 * 2026-01-31") is still reported: that date decides what users see.
 */
function isProse(text: string): boolean {
  return /\b(?:e\.g\.|i\.e\.|for example|for instance|example|such as|format|yyyy)/i.test(text);
}

/** Import and export specifiers, `require('…')` and `import('…')`: paths, not dates. */
function isModuleSpecifier(node: ts.Node): boolean {
  const parent = node.parent;
  if ((ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent)) && parent.moduleSpecifier === node) return true;
  if (ts.isExternalModuleReference(parent)) return true;
  if (ts.isLiteralTypeNode(parent) && ts.isImportTypeNode(parent.parent)) return true;
  if (ts.isCallExpression(parent) && parent.arguments[0] === node) {
    const callee = parent.expression;
    return callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === 'require');
  }
  return false;
}
