import { ts } from '../../../lazy/typescript';
import { defineRule } from '../../engine/define-rule';
import { defineOptions, option } from '../../engine/rule-options';

/**
 * An empty catch swallows every error, including the ones nobody anticipated; the program goes on
 * in a state the author never considered and the failure leaves no trace.
 */
export default defineRule({
  id: 'errors/no-empty-catch',
  meta: {
    category: 'errors',
    defaultSeverity: 'warn',
    // Tests do on purpose what this rule forbids in application code.
    testFiles: 'skip',
    docs: {
      description: 'Disallow `catch` blocks and `.catch()` callbacks that do nothing.',
      rationale:
        'Silently discarded errors hide failures and leave the program in an unknown state; handle, log, rethrow, or state in a ' +
        'comment why ignoring is correct.',
    },
    messages: {
      emptyCatch: 'Empty catch block swallows the error: handle it, rethrow it, or add a comment that says why it is ignored.',
      emptyCatchCallback: 'Empty .catch() callback swallows the rejection: handle it, rethrow it, or add a comment that says why it is ignored.',
    },
    hints: {
      emptyCatch:
        "Write the handling between the braces, e.g. `catch (error) { logger.warn('…', error); }` or a rethrow, or a comment " +
        'there that says why ignoring is safe (`// ignored: <why>`).',
      emptyCatchCallback:
        "Give the callback a body, e.g. `.catch((error) => { logger.warn('…', error); })` or a fallback value, or a comment " +
        'inside it that says why ignoring the rejection is safe.',
    },
    options: defineOptions({
      allowWithComment: option.boolean({ default: true, description: 'Accept an empty block that contains a comment stating the reason.' }),
    }),
    equivalents: { eslint: ['no-empty'] },
    keywords: ['catch'],
    coverage: { unit: 'catch clauses and .catch() callbacks' },
  },
  create(context) {
    // Tests empty a catch on purpose (to assert that something throws), and fixtures are not code.
    const text = context.sourceFile.text;
    const isEmpty = (block: ts.Block): boolean =>
      block.statements.length === 0 && !(context.options.allowWithComment && (hasComment(text, block) || hasCommentAbove(text, block)));
    return {
      CatchClause(node) {
        context.examined();
        if (!isEmpty(node.block) || releasesOnly(node.parent.tryBlock)) return;
        // The reason is often written once, over the whole try: `// best effort: … \n try { … } catch {}`.
        if (context.options.allowWithComment && hasReasonAbove(text, node.parent)) return;
        context.report({ node, messageId: 'emptyCatch' });
      },
      CallExpression(node) {
        const callee = node.expression;
        if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'catch' || node.arguments.length !== 1) return;
        const handler = node.arguments[0];
        context.examined();
        if (isReleaseCall(callee.expression)) return;
        if ((ts.isArrowFunction(handler) || ts.isFunctionExpression(handler)) && ts.isBlock(handler.body) && isEmpty(handler.body)) {
          if (context.options.allowWithComment && hasReasonAbove(text, statementOf(node))) return;
          context.report({ node: handler, messageId: 'emptyCatchCallback' });
        }
      },
    };
  },
});

/**
 * Calls that release a resource: an error while closing a connection or a file, in cleanup, has
 * nothing left to protect and nobody to tell (Go's `defer f.Close()`). Found on real code as
 * `await connection?.close().catch(() => {})` in a `finally`.
 */
const RELEASE_METHODS = new Set(['close', 'disconnect', 'destroy', 'dispose', 'quit', 'terminate', 'kill', 'release', 'unsubscribe', 'abort', '$disconnect']);

function isReleaseCall(expression: ts.Expression): boolean {
  let node: ts.Expression = expression;
  while (ts.isAwaitExpression(node) || ts.isParenthesizedExpression(node) || ts.isNonNullExpression(node)) node = node.expression;
  if (!ts.isCallExpression(node)) return false;
  const callee = node.expression;
  return ts.isPropertyAccessExpression(callee) && RELEASE_METHODS.has(callee.name.text);
}

/** A try block whose every statement releases something (`try { await client.close(); } catch {}`). */
function releasesOnly(block: ts.Block): boolean {
  return block.statements.length > 0 && block.statements.every((statement) => ts.isExpressionStatement(statement) && isReleaseCall(statement.expression));
}

/**
 * Words that say the block is empty, but neither why nor that ignoring is meant: `/** empty **\/`,
 * `// do nothing`, `// handle error silently`, `// TODO`. Found on real code as the only content of
 * catches that lose errors users should have seen. `// ignored` states a decision, and passes.
 */
const NON_REASON_WORDS = new Set(
  (
    'a an anything block catch do does dont e empty err error errors ex exception fixme handle handled here is it just no ' +
    'noop nothing op silent silently swallow swallowed the this todo xxx'
  ).split(' '),
);

/** A comment that gives a reason (or says the error is ignored on purpose): a word beyond "empty", "do nothing", "TODO" and the like. */
function isReason(comment: string): boolean {
  const words =
    comment
      .toLowerCase()
      .replace(/['’]/g, '')
      .match(/[a-z]+/g) ?? [];
  return words.some((word) => !NON_REASON_WORDS.has(word));
}

/** A comment that gives a reason between the braces of an otherwise empty block. */
function hasComment(text: string, block: ts.Block): boolean {
  const inner = text.slice(block.getStart() + 1, block.getEnd() - 1);
  const comments = inner.match(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g) ?? [];
  return comments.some(isReason);
}

/**
 * The reason written on the line just above: `// best effort: pruning may race` over a
 * `.catch(() => {})` or a `catch {}`, as teams often write it.
 */
function hasCommentAbove(text: string, block: ts.Block): boolean {
  const [previousLine] = commentLinesAbove(text, block);
  return previousLine !== undefined && isReason(previousLine);
}

/**
 * Words that justify ignoring an error, for a comment over the whole `try` or statement: there a
 * comment usually says what the code does (`// update link`, `// record the error so the sweep doesn't
 * re-publish it`), so only one that says why ignoring is fine counts. Like the words inside the
 * block, "silently" or "swallow" say what happens, not why.
 */
const JUSTIFICATION_WORDS = [
  /best[- ]?effort|ignor\w*|intentional\w*|on purpose|deliberate\w*|expected|harmless|safe(?:ly)?|fine|ok(?:ay)?|optional\w*/,
  /opportunistic\w*|never|must ?not|mustn'?t|non[- ]?critical|not critical|(?:may|can|might) fail|fall ?back|no[- ]?op|already/,
  /retr(?:y|ied|ies)/,
];
const JUSTIFICATION = new RegExp(`\\b(?:${JUSTIFICATION_WORDS.map((words) => words.source).join('|')})\\b`, 'i');

/** The comment lines right above `node`'s first line (a block of `//` or `/* … *\/` lines) say why. */
function hasReasonAbove(text: string, node: ts.Node): boolean {
  return JUSTIFICATION.test(commentLinesAbove(text, node).join(' '));
}

/** The comment lines directly above the line `node` starts on, nearest first, trimmed. */
function commentLinesAbove(text: string, node: ts.Node): string[] {
  const lines: string[] = [];
  let lineStart = text.lastIndexOf('\n', node.getStart()) + 1;
  while (lineStart > 0) {
    const previousStart = text.lastIndexOf('\n', lineStart - 2) + 1;
    const line = text.slice(previousStart, lineStart - 1).trim();
    if (!/^(?:\/\/|\/\*|\*)/.test(line)) break;
    lines.push(line);
    lineStart = previousStart;
  }
  return lines;
}

/** The statement a `.catch(…)` call belongs to, so the comment above a multi-line chain is found. */
function statementOf(node: ts.Node): ts.Node {
  let current = node;
  while (
    current.parent &&
    !ts.isBlock(current.parent) &&
    !ts.isSourceFile(current.parent) &&
    !ts.isCaseClause(current.parent) &&
    !ts.isModuleBlock(current.parent)
  )
    current = current.parent;
  return current;
}
