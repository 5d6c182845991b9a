import picomatch from 'picomatch';
import { ts } from 'ts-morph';
import { defineRule } from '../../engine/define-rule';
import { isGlobalReference } from '../rule-utils/global-reference';

export interface NoConsoleOptions {
  /** Console methods that stay allowed, e.g. `["error"]` in a CLI. */
  allow: string[];
  /** The logger to use instead, named in the message (e.g. `Logger from @acme/logging`). */
  logger: string;
  /** Entry points that print by design (CLIs, scripts): globs relative to the workspace root. */
  entryPoints: string[];
}

/**
 * Console output bypasses the application's logger: no levels, no structure, no redaction, and it
 * is lost in production log pipelines. Test files and configured entry points (CLIs) are exempt.
 */
export default defineRule<'unexpected' | 'unexpectedWithLogger', NoConsoleOptions>({
  id: 'logging/no-console',
  meta: {
    category: 'logging',
    defaultSeverity: 'warn',
    docs: {
      description: 'Disallow `console.*` in non-test code; log through the project logger.',
      rationale:
        'Console output has no levels, structure or redaction and is easily lost or leaks data in production; a logger can be configured, filtered and tested.',
    },
    messages: {
      unexpected: 'Unexpected console.{{method}}(): log through the project logger instead.',
      unexpectedWithLogger: 'Unexpected console.{{method}}(): use {{logger}} instead.',
    },
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        allow: {
          type: 'array',
          items: { type: 'string' },
          uniqueItems: true,
          description: 'Console methods that stay allowed, e.g. ["error"].',
          default: [],
        },
        logger: {
          type: 'string',
          description: 'The logger to use instead, named in the message.',
          default: '',
        },
        entryPoints: {
          type: 'array',
          items: { type: 'string', minLength: 1 },
          description: 'Entry points that print by design (CLIs, scripts): globs relative to the workspace root.',
          default: [],
        },
      },
    },
    defaultOptions: { allow: [], logger: '', entryPoints: [] },
    keywords: ['console'],
  },
  create(context) {
    if (context.isTestFile) return {};
    if (context.options.entryPoints.length > 0 && picomatch(context.options.entryPoints, { dot: true })(context.file)) return {};
    const allowed = new Set(context.options.allow);
    const check = (node: ts.PropertyAccessExpression | ts.ElementAccessExpression, method: string | undefined): void => {
      if (!isGlobalReference(node.expression, 'console')) return;
      if (method !== undefined && allowed.has(method)) return;
      const logger = context.options.logger;
      context.report({
        node,
        messageId: logger ? 'unexpectedWithLogger' : 'unexpected',
        data: { method: method ?? '*', logger },
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
