import { lintWithRule } from '../../testing/rule-tester';
import { pythonRules } from './index';
import { headerColon, isMainGuard, isPlainCall, rebindsBuiltin, suiteEnd } from './python-source';
import { logicalLines } from './python-tokens';

describe('python-source helpers', () => {
  it('should tell a plain call from a method call and a definition', () => {
    const [line] = logicalLines('print(a); self.print(b); def print(c): pass');
    const calls = line.tokens.map((_, index) => isPlainCall(line, index, 'print'));
    expect(calls.filter(Boolean)).toHaveLength(1);
    expect(calls[0]).toBe(true);
  });

  it('should find the colon that ends a header, past brackets', () => {
    const [line] = logicalLines('with f(lambda: {1: 2}[1:2]) as g: pass');
    expect(line.tokens[headerColon(line, 1)].start).toBe('with f(lambda: {1: 2}[1:2]) as g'.length);
  });

  it('should find the end of an indented suite', () => {
    const lines = logicalLines('if a:\n    b\n    if c:\n        d\n    e\nf\n');
    expect(suiteEnd(lines, 0)).toBe(5);
    expect(suiteEnd(lines, 2)).toBe(4);
  });

  it('should recognise a rebinding of a builtin', () => {
    expect(rebindsBuiltin(logicalLines('from rich import print\n'), 'print')).toBe(true);
    expect(rebindsBuiltin(logicalLines('from x import y as print\n'), 'print')).toBe(true);
    expect(rebindsBuiltin(logicalLines('from rich import print as rprint\n'), 'print')).toBe(false);
    expect(rebindsBuiltin(logicalLines('async def open(p):\n    pass\n'), 'open')).toBe(true);
    expect(rebindsBuiltin(logicalLines('class A:\n    def open(self):\n        pass\n'), 'open')).toBe(false);
    expect(rebindsBuiltin(logicalLines('import builtins.print\n'), 'print')).toBe(false);
  });

  it('should recognise the main guard in either order', () => {
    expect(isMainGuard(logicalLines("if __name__ == '__main__':\n    main()\n")[0])).toBe(true);
    expect(isMainGuard(logicalLines('if "__main__" == __name__: main()\n')[0])).toBe(true);
    expect(isMainGuard(logicalLines('if __name__ != "__main__":\n    pass\n')[0])).toBe(false);
  });
});

describe('python rules on malformed input', () => {
  const snippets = [
    'def',
    'def f(',
    'def f(x=[',
    'def f[T',
    'lambda',
    'lambda x=',
    'lambda x=[: y',
    'except',
    'except:',
    'try',
    'try:',
    'finally:',
    'with',
    'with (',
    'with open(',
    'open(',
    'print(',
    'from',
    'from import *',
    'import *',
    '* import',
    'if __name__ ==',
    ')))(((',
    'def f(x=]):',
    'f"{',
    "'''",
    '\\',
    'except:\n\traise\n  raise',
    'try:\n  x = open(p\nfinally:\n pass',
  ];
  it.each(pythonRules.map((rule) => [rule.id, rule] as const))('%s should not fail', (_, rule) => {
    for (const code of snippets) expect(() => lintWithRule(rule, { code, filename: 'app/broken.py' })).not.toThrow();
  });
});

describe('python rules on generated input', () => {
  const fragments = [
    'def ',
    'async ',
    'lambda ',
    'f',
    'x',
    '=',
    '[]',
    '{}',
    '(',
    ')',
    '[',
    ']',
    '{',
    '}',
    ':',
    ',',
    '*',
    '**',
    '.',
    ';',
    ' ',
    '\n',
    '    ',
    '\t',
    'try',
    'except',
    'finally',
    'else',
    'with ',
    'open',
    'print',
    'from ',
    'import ',
    'raise',
    'return ',
    '#',
    '\\',
    "'",
    '"',
    '"""',
    "f'",
    'rb"',
    '{{',
    '}}',
    '!r',
    'if __name__ == "__main__"',
    'as ',
    'set()',
    '\r\n',
  ];
  // A fixed-seed generator: the same programs on every run.
  let seed = 42;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const programs = Array.from({ length: 300 }, () => Array.from({ length: 80 }, () => fragments[Math.floor(next() * fragments.length)]).join(''));

  it.each(pythonRules.map((rule) => [rule.id, rule] as const))('%s should not fail', (_, rule) => {
    for (const code of programs) expect(() => lintWithRule(rule, { code, filename: 'app/generated.py' })).not.toThrow();
  });
});
