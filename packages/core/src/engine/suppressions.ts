import type { LineIndex } from './line-index';

export type DirectiveKind = 'disable-next-line' | 'disable' | 'enable' | 'disable-file';

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
}

/** Ids of the findings about suppressions themselves (they cannot be suppressed). */
export const MISSING_REASON_ID = 'suppression/missing-reason';
export const UNUSED_SUPPRESSION_ID = 'suppression/unused';

// A directive opens its comment: `//`, `/*` (or `/**`), `#` or `<!--`, then only blanks before it.
const DIRECTIVE = /(\/\/|\/\*+|#|<!--)[ \t*]*enforcer-(disable-next-line|disable-file|disable|enable)(?![\w-])([^\n]*)/g;

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
    return this.directives.filter((directive) => directive.kind !== 'enable' && directive.reason === '');
  }

  /** Directives that suppressed nothing (after every finding went through `suppresses`). */
  unused(): Directive[] {
    return this.directives.filter((directive) => directive.kind !== 'enable' && !this.used.has(directive));
  }

  private covers(directive: Directive, finding: Suppressible): boolean {
    if (!names(directive, finding.ruleId)) return false;
    switch (directive.kind) {
      case 'disable-file':
        return true;
      case 'disable-next-line':
        return finding.line === directive.line + 1;
      case 'disable':
        return finding.start >= directive.end && finding.start < this.blockEnd(directive, finding.ruleId);
      default:
        return false;
    }
  }

  /** Where a `disable` block ends for a rule: the next `enable` that names it (or all rules). */
  private blockEnd(disable: Directive, ruleId: string): number {
    const enable = this.directives.find((candidate) => candidate.kind === 'enable' && candidate.start > disable.end && names(candidate, ruleId));
    return enable ? enable.start : Number.POSITIVE_INFINITY;
  }
}

function names(directive: Directive, ruleId: string): boolean {
  return directive.rules.length === 0 || directive.rules.includes(ruleId);
}
