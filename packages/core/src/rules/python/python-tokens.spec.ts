import { logicalLines, pythonLines, tokenize, type PythonToken } from './python-tokens';

/** `kind:value` of every token, newlines as `⏎`. */
function shape(text: string): string[] {
  return tokenize(text).map((token) => (token.kind === 'newline' ? '⏎' : `${token.kind}:${token.value}`));
}

function strings(text: string): string[] {
  return tokenize(text)
    .filter((token) => token.kind === 'string')
    .map((token) => token.value);
}

function names(text: string): string[] {
  return tokenize(text)
    .filter((token) => token.kind === 'name')
    .map((token) => token.value);
}

describe('tokenize', () => {
  it('should split names, keywords, numbers and operators with their offsets', () => {
    const tokens = tokenize('def f(x=1):\n    return x ** 2\n');
    expect(tokens.map((token) => token.value)).toEqual(['def', 'f', '(', 'x', '=', '1', ')', ':', '', 'return', 'x', '**', '2', '']);
    const power = tokens[11] as PythonToken;
    expect([power.kind, power.start, power.end]).toEqual(['op', 25, 27]);
  });

  it('should read the longest operator', () => {
    expect(shape('a //= b -> c := d != e ... f')).toEqual([
      'name:a',
      'op://=',
      'name:b',
      'op:->',
      'name:c',
      'op::=',
      'name:d',
      'op:!=',
      'name:e',
      'op:...',
      'name:f',
      '⏎',
    ]);
  });

  it('should read number forms without splitting them', () => {
    expect(shape('0x1F 0o17 0b101 1_000 3.14 .5 1e-3 2j 1.e5')).toEqual([
      'number:0x1F',
      'number:0o17',
      'number:0b101',
      'number:1_000',
      'number:3.14',
      'number:.5',
      'number:1e-3',
      'number:2j',
      'number:1.e5',
      '⏎',
    ]);
  });

  it('should tell an attribute dot from a number', () => {
    expect(shape('x.y')).toEqual(['name:x', 'op:.', 'name:y', '⏎']);
  });

  it('should read non-ASCII identifiers', () => {
    expect(names('größe = 1; 変数 = 2')).toEqual(['größe', '変数']);
  });

  it('should skip comments, including quotes and code inside them', () => {
    expect(shape("x = 1  # it's print('x')\ny = 2")).toEqual(['name:x', 'op:=', 'number:1', '⏎', 'name:y', 'op:=', 'number:2', '⏎']);
  });

  it('should read single- and double-quoted strings with escapes', () => {
    expect(strings(`a = 'it\\'s' + "say \\"hi\\"" + '\\\\'`)).toEqual([`'it\\'s'`, `"say \\"hi\\""`, `'\\\\'`]);
  });

  it('should read triple-quoted strings across lines as one token', () => {
    const text = 'doc = """first line\nexcept: print(\'x\')\n"" still inside\n"""\nafter = 1';
    expect(strings(text)).toEqual(['"""first line\nexcept: print(\'x\')\n"" still inside\n"""']);
    expect(names(text)).toEqual(['doc', 'after']);
  });

  it('should read every string prefix in any case', () => {
    const prefixes = ['r', 'R', 'b', 'B', 'u', 'U', 'f', 'F', 'rb', 'Rb', 'bR', 'BR', 'fr', 'rF', 'FR', 't', 'tr'];
    for (const prefix of prefixes) expect(shape(`${prefix}'x'`)).toEqual([`string:${prefix}'x'`, '⏎']);
  });

  it('should not take the end of a name for a string prefix', () => {
    expect(shape(`verb'x'`)).toEqual(['name:verb', "string:'x'", '⏎']);
    expect(shape(`bar"x"`)).toEqual(['name:bar', 'string:"x"', '⏎']);
  });

  it('should let a backslash keep a raw string open without ending it', () => {
    expect(strings(String.raw`p = r'\'' + r"C:\dir\"" + r'\\'`)).toEqual([String.raw`r'\''`, String.raw`r"C:\dir\""`, String.raw`r'\\'`]);
  });

  it('should continue a single-quoted string over an escaped line break', () => {
    expect(strings("s = 'one \\\ntwo'\nx")).toEqual(["'one \\\ntwo'"]);
  });

  it('should read an f-string with expressions as one string token', () => {
    expect(strings(`f"{x!r:>{width}} {{literal}} {d['key']}"`)).toEqual([`f"{x!r:>{width}} {{literal}} {d['key']}"`]);
  });

  it('should read Python 3.12 f-strings that reuse their own quotes and nest', () => {
    const text = `msg = f"{d["key"]} {f"{inner + "x"}"} {', '.join(items)}" + tail`;
    expect(strings(text)).toEqual([`f"{d["key"]} {f"{inner + "x"}"} {', '.join(items)}"`]);
    expect(names(text)).toEqual(['msg', 'tail']);
  });

  it('should keep the format spec of an f-string literal, quotes included', () => {
    expect(shape(`f"{value:'>10}" + x`)).toEqual([`string:f"{value:'>10}"`, 'op:+', 'name:x', '⏎']);
  });

  it('should read dict and slice expressions inside f-string fields', () => {
    expect(strings(`f"{ {'a': 1}['a'] } {xs[1:2]} {a != b}"`)).toEqual([`f"{ {'a': 1}['a'] } {xs[1:2]} {a != b}"`]);
  });

  it('should read triple-quoted f-strings spanning lines', () => {
    const text = 'f"""\n{name}\nexcept:\n"""\nz';
    expect(strings(text)).toEqual(['f"""\n{name}\nexcept:\n"""']);
    expect(names(text)).toEqual(['z']);
  });

  it('should end an unterminated single-quoted string at the end of its line', () => {
    expect(shape("s = 'open\nprint(1)")).toEqual(['name:s', 'op:=', "string:'open", '⏎', 'name:print', 'op:(', 'number:1', 'op:)', '⏎']);
    expect(shape('s = f"{x\ny')).toEqual(['name:s', 'op:=', 'string:f"{x', '⏎', 'name:y', '⏎']);
  });

  it('should end an unterminated triple-quoted string at the end of the file', () => {
    expect(shape("x = '''never closed\nprint(1)\n")).toEqual(['name:x', 'op:=', "string:'''never closed\nprint(1)\n", '⏎']);
  });

  it('should never throw on malformed input', () => {
    const inputs = ['\\', '(((', ')))', 'f"{', 'f"{{', 'f"}', "'''", '"\\', '$ ? !', 'x = "\\\r\n', '\r\r\n\n', '0x', '\uD83D', 'rb', 'f"{x:{y:{z'];
    for (const input of inputs) expect(() => tokenize(input)).not.toThrow();
  });

  it('should survive f-strings nested deeper than it analyses', () => {
    const deep = `${'f"{'.repeat(5000)}x${'}"'.repeat(5000)}`;
    expect(() => tokenize(deep)).not.toThrow();
  });

  // A quadratic scan of half a megabyte would take minutes; a linear one takes milliseconds.
  it('should tokenize half a megabyte of code, or of pathological quotes and brackets, in linear time', () => {
    const unit = `def f(a, b=[1, 2]):\n    s = f"{a!r:>{b}} {{x}}" + r'\\'' + """doc\n"""  # c\n    return (a +\n        b)\n`;
    const inputs = [unit, 'f"{', "'", '(', 'f"{(', '"""', 'f"{x:{', '\\'].map((piece) => piece.repeat(Math.ceil(500_000 / piece.length)));
    for (const input of inputs) {
      const started = performance.now();
      tokenize(input);
      logicalLines(input);
      expect(performance.now() - started).toBeLessThan(5000);
    }
  });
});

describe('logicalLines', () => {
  it('should join lines inside brackets and after a backslash', () => {
    const lines = logicalLines('x = foo(\n    1,\n    2)\ny = 1 + \\\n    2\nz = [\n]\n');
    expect(lines.map((line) => line.tokens.map((token) => token.value).join(' '))).toEqual(['x = foo ( 1 , 2 )', 'y = 1 + 2', 'z = [ ]']);
  });

  it('should give each logical line the indentation of its first physical line', () => {
    const lines = logicalLines('if x:\n    try:\n\tpass\n        y = (1,\n2)\n  # comment only\n\nz\n');
    expect(lines.map((line) => [line.tokens[0].value, line.indent])).toEqual([
      ['if', 0],
      ['try', 4],
      ['pass', 8],
      ['y', 8],
      ['z', 0],
    ]);
  });

  it('should skip blank and comment-only lines and handle CRLF', () => {
    const lines = logicalLines('a = 1\r\n\r\n# only a comment\r\n    b = 2\r\n');
    expect(lines.map((line) => [line.tokens[0].value, line.indent])).toEqual([
      ['a', 0],
      ['b', 4],
    ]);
  });

  it('should keep strings that span lines inside one logical line', () => {
    const lines = logicalLines('x = """a\nb"""\ny = 2\n');
    expect(lines).toHaveLength(2);
    expect(lines[1].tokens[0].value).toBe('y');
  });

  it('should pair brackets and leave mismatched ones unpaired', () => {
    const [line] = logicalLines('f(a[1], {b: (c)})');
    const values = line.tokens.map((token) => token.value);
    expect(line.partner[values.indexOf('(')]).toBe(values.length - 1);
    expect(line.partner[values.indexOf('[')]).toBe(values.indexOf(']'));
    expect(line.partner[values.indexOf('{')]).toBe(values.indexOf('}'));
    const [broken] = logicalLines('f(a]');
    expect(Array.from(broken.partner)).toEqual([-1, -1, -1, -1]);
  });

  it('should give rules, through the pythonLines service, the logical lines of the file', () => {
    const text = 'a = 1\nb = [\n  2,\n]\n';
    expect(
      pythonLines.derive({
        file: 'app/a.py',
        text,
        get sourceFile(): never {
          throw new Error('a Python file has no syntax tree');
        },
      }),
    ).toEqual(logicalLines(text));
  });
});
