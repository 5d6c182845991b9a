import type { LineIndex } from './line-index';

export type DirectiveKind = 'disable-next-line' | 'disable-line' | 'disable' | 'enable' | 'disable-file';

/** One `enforcer-…` comment: what it turns off, where, and why. */
export interface Directive {
  kind: DirectiveKind;
  /** Rule ids it names; empty means every rule. */
  rules: string[];
  reason: string;
  /** Offsets of the directive text (from `enforcer-` to the end of the comment). */
  start: number;
  end: number;
  /** 1-based line of the directive's end. */
  line: number;
  /**
   * Another linter's comment (`eslint-disable-next-line no-console`, `# noqa: T201`) naming the same
   * check: the team's decision, honoured as it stands, so it needs no reason and is never "unused".
   */
  foreign?: true;
}

/** The names other linters give a rule's check, by linter family (see `RuleMeta.equivalents`). */
export interface OtherLinterNames {
  /** ESLint (and oxlint) rule names: `no-console`, `@typescript-eslint/no-explicit-any`. */
  eslint: ReadonlyMap<string, readonly string[]>;
  /** Python linters' codes and names: flake8's `T201`, pylint's `bare-except`. */
  python: ReadonlyMap<string, readonly string[]>;
}

/** Ids of the findings about suppressions themselves (they cannot be suppressed). */
export const MISSING_REASON_ID = 'suppression/missing-reason';
export const UNUSED_SUPPRESSION_ID = 'suppression/unused';

// A directive opens its comment: `//`, `/*` (or `/**`), `#` or `<!--`, then only blanks before it.
const DIRECTIVE = /(\/\/|\/\*+|#|<!--)[ \t*]*enforcer-(disable-next-line|disable-file|disable|enable)(?![\w-])([^\r\n]*)/g;

/**
 * Finds the suppression directives in a file. `isComment(offset)` tells whether a match sits in a
 * comment (for code: not in a string, template or JSX text); text files pass `() => true`.
 */
export function parseDirectives(text: string, lines: LineIndex, isComment: (offset: number) => boolean): Directive[] {
  if (!text.includes('enforcer-')) return [];
  const directives: Directive[] = [];
  for (const match of text.matchAll(DIRECTIVE)) {
    if (!isComment(match.index as number)) continue;
    const start = (match.index as number) + match[0].indexOf('enforcer-');
    // The comment may close on this line (`*/`, `-->`); what follows it is code, not directive.
    const body = match[3].split(/\*\/|-->/)[0];
    const [ruleList, ...reasonParts] = body.split(/\s--\s?|^--\s?/);
    const end = (match.index as number) + match[0].length - (match[3].length - body.length);
    directives.push({
      kind: match[2] as DirectiveKind,
      rules: ruleList.split(/[\s,]+/).filter((rule) => rule !== ''),
      reason: reasonParts.join(' -- ').trim(),
      start,
      end,
      line: lines.positionOf(end).line,
    });
  }
  return directives;
}

// `// eslint-disable-next-line no-console -- why`, `/* oxlint-disable typescript/no-explicit-any */`.
// In a block comment the directive may start on a line of its own and run to `*/`: ESLint then counts
// "next line" from the line the comment closes on.
const ESLINT_DIRECTIVE = /(\/\/|\/\*+)[ \t*]*(?:\r?\n[ \t*]*)?(?:eslint|oxlint)-(disable-next-line|disable-line|disable|enable)(?![\w-])([^\n]*)/g;
// `# noqa`, `# noqa: T201, E722`; `# pylint: disable=bare-except`, `# pylint: disable-next=…`;
const NOQA = /#[ \t]*noqa\b(?:[ \t]*:[ \t]*([A-Z]+[0-9]+(?:[ \t]*,[ \t]*[A-Z]+[0-9]+)*))?/gi;
const PYLINT = /#[ \t]*pylint:[ \t]*disable(-next)?=([\w-]+(?:[ \t]*,[ \t]*[\w-]+)*)/g;
// PyCharm's `# noinspection PyDefaultArgument,PyBroadException`, on the line above the statement.
const NOINSPECTION = /#[ \t]*noinspection[ \t]+(Py\w+(?:[ \t]*,[ \t]*Py\w+)*)/g;

/**
 * Other linters' suppression comments, as directives over the rules they name through `names`. A
 * comment that names no rule (`eslint-disable-next-line`, a bare `# noqa`) covers every rule that
 * has a name in that linter; one that names only rules we do not have is dropped.
 */
export function parseOtherLinterDirectives(text: string, lines: LineIndex, isComment: (offset: number) => boolean, names: OtherLinterNames): Directive[] {
  const directives: Directive[] = [];
  const add = (kind: DirectiveKind, ruleIds: readonly string[], start: number, end: number, reason = '') => {
    if (ruleIds.length === 0) return;
    directives.push({ kind, rules: [...new Set(ruleIds)], reason, start, end, line: lines.positionOf(end).line, foreign: true });
  };
  const translate = (map: ReadonlyMap<string, readonly string[]>, listed: readonly string[]) =>
    listed.length === 0 ? [...new Set([...map.values()].flat())] : listed.flatMap((name) => map.get(name) ?? []);
  if (names.eslint.size > 0 && (text.includes('eslint-') || text.includes('oxlint-'))) {
    for (const match of text.matchAll(ESLINT_DIRECTIVE)) {
      if (!isComment(match.index as number)) continue;
      const start = match.index as number;
      const block = match[1] !== '//';
      const close = block ? text.indexOf('*/', start + 2) : -1;
      const body = block && close !== -1 ? text.slice(start + match[0].length - match[3].length, close) : match[3];
      const [list, ...reason] = body.split(/\s--\s?|^--\s?/);
      const listed = list
        .split(/[\s,]+/)
        .filter((name) => name !== '')
        .map(eslintName);
      const end = block && close !== -1 ? close + 2 : start + match[0].length;
      add(match[2] as DirectiveKind, translate(names.eslint, listed), start, end, reason.join(' -- ').replace(/\s+/g, ' ').trim());
    }
  }
  if (names.python.size > 0) {
    for (const match of text.matchAll(NOQA)) {
      const listed =
        match[1] === undefined
          ? []
          : match[1]
              .split(/[\s,]+/)
              .filter((code) => code !== '')
              .map((code) => code.toUpperCase());
      add('disable-line', translate(names.python, listed), match.index as number, (match.index as number) + match[0].length);
    }
    for (const match of text.matchAll(PYLINT)) {
      const start = match.index as number;
      // Alone on its line, pylint's disable holds for the rest of the scope (here: of the file).
      const alone = /^[ \t]*$/.test(text.slice(text.lastIndexOf('\n', start - 1) + 1, start));
      const kind: DirectiveKind = match[1] !== undefined ? 'disable-next-line' : alone ? 'disable' : 'disable-line';
      add(kind, translate(names.python, match[2].split(/[\s,]+/)), start, start + match[0].length);
    }
    for (const match of text.matchAll(NOINSPECTION)) {
      const start = match.index as number;
      add('disable-next-line', translate(names.python, match[1].split(/[\s,]+/)), start, start + match[0].length);
    }
  }
  return directives;
}

/** oxlint writes `eslint/no-console` and `typescript/no-explicit-any`; ESLint's names are what rules declare. */
function eslintName(name: string): string {
  if (name.startsWith('eslint/')) return name.slice('eslint/'.length);
  if (name.startsWith('typescript/')) return `@typescript-eslint/${name.slice('typescript/'.length)}`;
  return name;
}

interface Suppressible {
  ruleId: string;
  start: number;
  line: number;
}

/** Decides which findings the directives suppress, and remembers which directives were used. */
export class Suppressions {
  private readonly used = new Set<Directive>();

  constructor(private readonly directives: readonly Directive[]) {}

  /** True when a directive turns off `finding`'s rule at its position. */
  suppresses(finding: Suppressible): boolean {
    const directive = this.directives.find((candidate) => candidate.kind !== 'enable' && this.covers(candidate, finding));
    if (!directive) return false;
    this.used.add(directive);
    return true;
  }

  /** Directives without a `-- reason`. */
  withoutReason(): Directive[] {
    return this.directives.filter((directive) => directive.kind !== 'enable' && !directive.foreign && directive.reason === '');
  }

  /** Directives that suppressed nothing (after every finding went through `suppresses`). */
  unused(): Directive[] {
    return this.directives.filter((directive) => directive.kind !== 'enable' && !directive.foreign && !this.used.has(directive));
  }

  private covers(directive: Directive, finding: Suppressible): boolean {
    if (!names(directive, finding.ruleId)) return false;
    switch (directive.kind) {
      case 'disable-file':
        return true;
      case 'disable-next-line':
        return finding.line === directive.line + 1;
      case 'disable-line':
        return finding.line === directive.line;
      case 'disable':
        return finding.start >= directive.end && finding.start < this.blockEnd(directive, finding.ruleId);
      default:
        return false;
    }
  }

  /** Where a `disable` block ends for a rule: the next `enable` that names it (or all rules). */
  private blockEnd(disable: Directive, ruleId: string): number {
    const enable = this.directives.find(
      (candidate) => candidate.kind === 'enable' && candidate.foreign === disable.foreign && candidate.start > disable.end && names(candidate, ruleId),
    );
    return enable ? enable.start : Number.POSITIVE_INFINITY;
  }
}

function names(directive: Directive, ruleId: string): boolean {
  return directive.rules.length === 0 || directive.rules.includes(ruleId);
}
