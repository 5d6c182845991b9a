import { RuleTimings } from './rule-timings';

const busy = (milliseconds: number) => {
  const end = performance.now() + milliseconds;
  while (performance.now() < end) {
    // spin: the measurement needs real elapsed time
  }
};

describe('RuleTimings', () => {
  it('should sum time per rule, slowest first', () => {
    const timings = new RuleTimings();
    timings.add('b', 2);
    timings.add('a', 5);
    timings.add('b', 1);
    expect(timings.entries()).toEqual([
      { ruleId: 'a', milliseconds: 5 },
      { ruleId: 'b', milliseconds: 3 },
    ]);
  });

  it('should charge nested parsing to (parse) only, not to the rule that triggered it', () => {
    const timings = new RuleTimings();
    timings.measure('rule', () => {
      busy(2);
      const parseStart = performance.now();
      busy(20);
      timings.addNested('(parse)', performance.now() - parseStart);
    });
    const [parse, rule] = timings.entries();
    expect(parse.ruleId).toBe('(parse)');
    expect(parse.milliseconds).toBeGreaterThanOrEqual(20);
    expect(rule.ruleId).toBe('rule');
    expect(rule.milliseconds).toBeLessThan(parse.milliseconds);
  });
});
