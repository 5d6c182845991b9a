/** Pseudo rule id under which parsing time is recorded: it is shared by every AST rule of a file. */
export const PARSE_TIMING_ID = '(parse)';

/**
 * Time spent per rule (milliseconds), like ESLint's `TIMING`: rule creation and every visitor call
 * are measured only when a run profiles, so ordinary runs pay nothing for it.
 */
export class RuleTimings {
  private readonly totals = new Map<string, number>();
  /** Time recorded by `addNested` so far, kept out of the measurement that encloses it. */
  private nested = 0;

  measure<T>(ruleId: string, action: () => T): T {
    const start = performance.now();
    const nestedBefore = this.nested;
    try {
      return action();
    } finally {
      this.add(ruleId, performance.now() - start - (this.nested - nestedBefore));
    }
  }

  /**
   * Records work that may run inside a rule's measurement (parsing on a rule's first access to the
   * syntax tree) under its own id, and takes it out of that rule's time: counted once.
   */
  addNested(id: string, milliseconds: number): void {
    this.add(id, milliseconds);
    this.nested += milliseconds;
  }

  add(ruleId: string, milliseconds: number): void {
    this.totals.set(ruleId, (this.totals.get(ruleId) ?? 0) + milliseconds);
  }

  /** Slowest first; ties by id, so equal timings print in a stable order. */
  entries(): Array<{ ruleId: string; milliseconds: number }> {
    return [...this.totals]
      .map(([ruleId, milliseconds]) => ({ ruleId, milliseconds }))
      .sort((a, b) => b.milliseconds - a.milliseconds || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
  }
}
