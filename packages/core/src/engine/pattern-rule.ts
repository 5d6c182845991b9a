import picomatch from 'picomatch';
import { Script, createContext, type Context } from 'node:vm';
import { defineRule } from './define-rule';
import { defineOptions, option, type ValueOf } from './rule-options';
import type { Rule } from './types';
import { joinProjectPath } from './workspace-paths';

/** Lines longer than this are not searched: a bound on what one regular expression can cost. */
export const PATTERN_MAX_LINE_LENGTH = 2000;
/** Time one pattern may spend on one file before it is stopped and reported as a rule error. */
export const PATTERN_TIME_LIMIT_MS = 250;

/** A declarative rule from config (`patterns` in enforcer.config.json): a regular expression, searched line by line. */
export const patternSetting = option.object(
  {
    id: option.string({ pattern: '^[a-z0-9][a-z0-9-]*$', description: 'Kebab-case id; the rule is `pattern/<id>`.' }),
    regex: option.string({
      minLength: 1,
      description: `A JavaScript regular expression, searched line by line (lines over ${PATTERN_MAX_LINE_LENGTH} characters are skipped).`,
    }),
    flags: option.string({ pattern: '^[imsuy]*$', description: 'Regular expression flags, e.g. "i".', default: '' }),
    message: option.string({ minLength: 1, description: 'What is wrong and what to do instead.' }),
    files: option.stringArray({ description: "Globs of the files to search, relative to this file's folder. Default: TypeScript and JavaScript files." }),
    severity: option.enumOf(['warn', 'error'] as const, { description: 'Default: warn.', default: 'warn' }),
  },
  { required: ['id', 'regex', 'message'] },
);

export type PatternConfig = ValueOf<typeof patternSetting>;

export function patternRuleId(id: string): string {
  return `pattern/${id}`;
}

// Runs in a separate V8 context so that a catastrophically backtracking expression can be
// interrupted by the timeout; in the main context a regular expression cannot be stopped.
const SEARCH = new Script(`(() => {
  const found = [];
  const regex = new RegExp(source, flags);
  let offset = 0;
  for (const line of text.split('\\n')) {
    if (line.length <= maxLineLength) {
      regex.lastIndex = 0;
      for (let match = regex.exec(line); match !== null; match = regex.exec(line)) {
        found.push([offset + match.index, offset + match.index + match[0].length]);
        if (match[0].length === 0) regex.lastIndex++;
      }
    }
    offset += line.length + 1;
  }
  return found;
})()`);

/**
 * One context for every pattern: a context costs about 170 KB and 3 ms to create (10,000 patterns
 * took 1.6 GB and 31 s), and searches run one at a time (each is synchronous), so each sets its own
 * expression before it runs.
 */
let sharedSandbox: Context | undefined;
function searchSandbox(): Context {
  sharedSandbox ??= createContext({ source: '', flags: '', maxLineLength: PATTERN_MAX_LINE_LENGTH, text: '' });
  return sharedSandbox;
}

/**
 * Turns a config pattern into a rule. `base` is the declaring config's folder (workspace-relative),
 * so its globs become workspace-relative here.
 */
export function createPatternRule(pattern: PatternConfig, base: string): Rule {
  const files = (pattern.files ?? []).map((glob) => joinProjectPath(base, glob));
  const inScope = files.length > 0 ? picomatch(files, { dot: true }) : () => true;
  const flags = `${(pattern.flags ?? '').replace(/g/g, '')}g`;
  return defineRule<'match', Record<string, never>>({
    id: patternRuleId(pattern.id),
    meta: {
      category: 'pattern',
      defaultSeverity: pattern.severity ?? 'warn',
      docs: { description: pattern.message, rationale: `Declared in config: /${pattern.regex}/${pattern.flags ?? ''}` },
      messages: { match: pattern.message },
      options: defineOptions({}),
      ...(files.length > 0 ? { textFiles: files } : {}),
    },
    create(context) {
      if (!inScope(context.file)) return {};
      return {
        Text(text) {
          const sandbox = searchSandbox();
          Object.assign(sandbox, { source: pattern.regex, flags, text });
          let found: Array<[number, number]>;
          try {
            // An array from the other context: iterate it, do not `instanceof` it.
            found = SEARCH.runInContext(sandbox, { timeout: PATTERN_TIME_LIMIT_MS }) as Array<[number, number]>;
          } catch (error) {
            if ((error as NodeJS.ErrnoException).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') {
              throw new Error(
                `the pattern took more than ${PATTERN_TIME_LIMIT_MS} ms on this file (catastrophic backtracking?); simplify the regular expression`,
              );
            }
            throw error;
          } finally {
            sandbox.text = '';
          }
          for (const [start, end] of found) {
            context.report({ range: [start, end], messageId: 'match' });
          }
        },
      };
    },
  });
}
