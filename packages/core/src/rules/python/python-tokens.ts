import { defineFileService } from '../../engine/rule-services';
/**
 * A small Python tokenizer for line-level rules: enough to tell code from strings and comments and to
 * group tokens into logical lines with their indentation. It is not a parser: it never rejects input
 * (an unterminated string ends at the end of its line, or of the file when triple-quoted), and it
 * scans every character a bounded number of times, so it is linear in the size of the text.
 */

export type PythonTokenKind = 'name' | 'number' | 'string' | 'op' | 'newline';

export interface PythonToken {
  kind: PythonTokenKind;
  /** The token's source text; a string token is the whole literal, prefix and quotes included. */
  value: string;
  /** Offset of the first character. */
  start: number;
  /** Offset just past the last character. */
  end: number;
}

/** A logical line: the tokens of one statement line, joined across brackets and `\` continuations. */
export interface LogicalLine {
  /** Its tokens, without the closing `newline` token; never empty. */
  tokens: readonly PythonToken[];
  /** Width of the leading whitespace of its first physical line (tabs to the next multiple of 8). */
  indent: number;
  /**
   * For each token index, the index of the matching bracket (`(`↔`)`, `[`↔`]`, `{`↔`}`) in the same
   * line, or -1 for tokens that are not brackets and for brackets without a partner.
   */
  partner: Int32Array;
}

const THREE_CHAR_OPERATORS = new Set(['**=', '//=', '>>=', '<<=', '...']);
const TWO_CHAR_OPERATORS = new Set(['!=', '->', ':=', '**', '//', '<<', '>>', '<=', '>=', '==', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '@=']);
const OPENING = '([{';
const CLOSING = ')]}';
const NAME = /[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]*/uy;
const NUMBER = /0[xX][0-9a-fA-F_]*|0[oO][0-7_]*|0[bB][01_]*|(?:\d[\d_]*(?:\.[\d_]*)?|\.\d[\d_]*)(?:[eE][+-]?\d[\d_]*)?[jJ]?/y;
// u, r, b, f and t (template strings, 3.14) in their legal combinations, any case.
const STRING_PREFIX = /^(?:[rubft]|br|rb|fr|rf|tr|rt)$/i;
/** Nested f-strings deeper than this are scanned as plain strings: deep enough for real code, and no recursion limit for hostile input. */
const MAX_FSTRING_NESTING = 16;

/** The tokens of `text` in order, with a `newline` token at the end of every logical line. */
export function tokenize(text: string): PythonToken[] {
  return new Tokenizer(text).run();
}

/** The logical lines of the Python file being checked, tokenized once for every `python/*` rule. */
export const pythonLines = defineFileService('Python logical lines', ({ text }) => logicalLines(text));

/** The logical lines of `text`. */
export function logicalLines(text: string): readonly LogicalLine[] {
  const lines: LogicalLine[] = [];
  let current: PythonToken[] = [];
  for (const token of tokenize(text)) {
    if (token.kind !== 'newline') {
      current.push(token);
      continue;
    }
    if (current.length > 0) lines.push({ tokens: current, indent: indentOf(text, current[0].start), partner: partnersOf(current) });
    current = [];
  }
  return lines;
}

/** Width of the whitespace between the start of the physical line and `offset`. */
function indentOf(text: string, offset: number): number {
  let lineStart = offset;
  while (lineStart > 0 && text[lineStart - 1] !== '\n' && text[lineStart - 1] !== '\r') lineStart--;
  let width = 0;
  for (let index = lineStart; index < offset; index++) {
    const char = text[index];
    if (char === '\t') width = width - (width % 8) + 8;
    else if (char === '\f') width = 0;
    else width++;
  }
  return width;
}

function partnersOf(tokens: readonly PythonToken[]): Int32Array {
  const partner = new Int32Array(tokens.length).fill(-1);
  const open: number[] = [];
  tokens.forEach((token, index) => {
    if (token.kind !== 'op') return;
    if (OPENING.includes(token.value)) {
      open.push(index);
      return;
    }
    const kind = CLOSING.indexOf(token.value);
    if (kind === -1 || open.length === 0) return;
    // A mismatched closer (malformed code) closes nothing, so one typo does not shift every pair after it.
    const opener = open[open.length - 1];
    if (OPENING.indexOf(tokens[opener].value) !== kind) return;
    open.pop();
    partner[opener] = index;
    partner[index] = opener;
  });
  return partner;
}

function isLineBreak(char: string | undefined): boolean {
  return char === '\n' || char === '\r';
}

const QUOTE = 0x22;
const APOSTROPHE = 0x27;
const DOT = 0x2e;
const UNDERSCORE = 0x5f;

function isAsciiLetter(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

function isIdentifierChar(char: string | undefined): boolean {
  if (char === undefined) return false;
  const code = char.charCodeAt(0);
  if (code < 0x80) return isAsciiLetter(code) || isDigit(code) || code === UNDERSCORE;
  return /[\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]/u.test(char);
}

class Tokenizer {
  private readonly tokens: PythonToken[] = [];
  private index = 0;
  /** Bracket nesting: inside brackets, line breaks do not end the logical line. */
  private depth = 0;

  constructor(private readonly text: string) {}

  run(): PythonToken[] {
    const text = this.text;
    while (this.index < text.length) {
      const char = text[this.index];
      if (char === ' ' || char === '\t' || char === '\f' || char === '\v') this.index++;
      else if (char === '#') this.skipComment();
      else if (isLineBreak(char)) this.lineBreak();
      else if (char === '\\' && isLineBreak(text[this.index + 1])) this.index += text.startsWith('\r\n', this.index + 1) ? 3 : 2;
      else this.token();
    }
    this.endLogicalLine(text.length);
    return this.tokens;
  }

  private skipComment(): void {
    while (this.index < this.text.length && !isLineBreak(this.text[this.index])) this.index++;
  }

  private lineBreak(): void {
    const start = this.index;
    this.index += this.text.startsWith('\r\n', start) ? 2 : 1;
    if (this.depth === 0) this.endLogicalLine(start);
  }

  private endLogicalLine(offset: number): void {
    const last = this.tokens[this.tokens.length - 1];
    if (last !== undefined && last.kind !== 'newline') this.tokens.push({ kind: 'newline', value: '', start: offset, end: offset });
  }

  private token(): void {
    const start = this.index;
    const code = this.text.charCodeAt(start);
    const stringEnd = code === QUOTE || code === APOSTROPHE || isAsciiLetter(code) ? scanStringAt(this.text, start, 0) : undefined;
    if (stringEnd !== undefined) return this.push('string', start, stringEnd);
    if (isDigit(code) || (code === DOT && isDigit(this.text.charCodeAt(start + 1)))) return this.push('number', start, this.match(NUMBER, start) ?? start + 1);
    const nameEnd = this.nameEnd(start);
    if (nameEnd !== undefined) return this.push('name', start, nameEnd);
    this.operator(start);
  }

  /** ASCII names are read by hand (most of a file's tokens); the Unicode regex only when needed. */
  private nameEnd(start: number): number | undefined {
    let index = start;
    while (index < this.text.length) {
      const code = this.text.charCodeAt(index);
      if (code >= 0x80) return this.match(NAME, start);
      if (!(isAsciiLetter(code) || code === UNDERSCORE || (index > start && isDigit(code)))) break;
      index++;
    }
    return index > start ? index : undefined;
  }

  private match(regex: RegExp, start: number): number | undefined {
    regex.lastIndex = start;
    const match = regex.exec(this.text);
    return match && match[0].length > 0 ? start + match[0].length : undefined;
  }

  private operator(start: number): void {
    const three = this.text.slice(start, start + 3);
    const two = three.slice(0, 2);
    const operator = THREE_CHAR_OPERATORS.has(three) ? three : TWO_CHAR_OPERATORS.has(two) ? two : three.charAt(0);
    if (OPENING.includes(operator)) this.depth++;
    else if (CLOSING.includes(operator)) this.depth = Math.max(0, this.depth - 1);
    this.push('op', start, start + operator.length);
  }

  private push(kind: PythonTokenKind, start: number, end: number): void {
    this.tokens.push({ kind, value: this.text.slice(start, end), start, end });
    this.index = end;
  }
}

/**
 * The end of the string literal whose prefix or opening quote is at `start`, or undefined when no
 * string starts there. A prefix counts only as a whole word (`rb"…"`, not the end of `verb"…"`).
 */
function scanStringAt(text: string, start: number, nesting: number): number | undefined {
  let quoteAt = start;
  while (quoteAt - start < 3 && isAsciiLetter(text.charCodeAt(quoteAt))) quoteAt++;
  const quote = text[quoteAt];
  if (quote !== '"' && quote !== "'") return undefined;
  const prefix = text.slice(start, quoteAt);
  if (prefix !== '' && (!STRING_PREFIX.test(prefix) || isIdentifierChar(text[start - 1]))) return undefined;
  const triple = text.startsWith(quote.repeat(3), quoteAt);
  const delimiter = triple ? quote.repeat(3) : quote;
  const bodyStart = quoteAt + delimiter.length;
  const formatted = /[ft]/i.test(prefix) && nesting < MAX_FSTRING_NESTING;
  return formatted ? scanFormattedBody(text, bodyStart, delimiter, nesting) : scanPlainBody(text, bodyStart, delimiter);
}

/** Offset past the character(s) a backslash at `index` escapes; a raw string keeps them but they still cannot end it. */
function skipEscape(text: string, index: number): number {
  return text.startsWith('\r\n', index + 1) ? index + 3 : Math.min(text.length, index + 2);
}

function scanPlainBody(text: string, index: number, delimiter: string): number {
  const triple = delimiter.length === 3;
  while (index < text.length) {
    const char = text[index];
    if (char === '\\') index = skipEscape(text, index);
    else if (text.startsWith(delimiter, index)) return index + delimiter.length;
    else if (!triple && isLineBreak(char)) return index;
    else index++;
  }
  return index;
}

type Field = { kind: 'expression'; depth: number } | { kind: 'spec' };

/**
 * An f-string body: literal text with `{expression}` fields (Python 3.12 allows any quotes, even the
 * f-string's own, inside them) whose format spec after `:` may hold nested fields. Only the end of
 * the literal matters, so expressions are skipped with just enough care to step over their strings
 * and brackets.
 */
function scanFormattedBody(text: string, index: number, delimiter: string, nesting: number): number {
  const triple = delimiter.length === 3;
  const fields: Field[] = [];
  while (index < text.length) {
    const char = text[index];
    const field = fields[fields.length - 1];
    if (!triple && isLineBreak(char)) return index;
    if (field?.kind === 'expression') {
      index = stepInExpression(text, index, fields, field, nesting);
      continue;
    }
    if (char === '\\') index = skipEscape(text, index);
    else if (text.startsWith(delimiter, index)) return index + delimiter.length;
    else if (field === undefined && (text.startsWith('{{', index) || text.startsWith('}}', index))) index += 2;
    else if (char === '{') {
      fields.push({ kind: 'expression', depth: 0 });
      index++;
    } else {
      if (char === '}' && field !== undefined) fields.pop();
      index++;
    }
  }
  return index;
}

/** One step through a replacement field's expression; returns the next offset. */
function stepInExpression(text: string, index: number, fields: Field[], field: { kind: 'expression'; depth: number }, nesting: number): number {
  const char = text[index];
  const code = text.charCodeAt(index);
  const mayStartString = (code === QUOTE || code === APOSTROPHE || isAsciiLetter(code)) && !isIdentifierChar(text[index - 1]);
  const nested = mayStartString ? scanStringAt(text, index, nesting + 1) : undefined;
  if (nested !== undefined) return nested;
  if (OPENING.includes(char)) field.depth++;
  else if (char === '}' && field.depth === 0) fields.pop();
  else if (CLOSING.includes(char)) field.depth = Math.max(0, field.depth - 1);
  else if (char === ':' && field.depth === 0) fields[fields.length - 1] = { kind: 'spec' };
  else if (char === '!' && text[index + 1] === '=') return index + 2;
  else if (char === '\\') return skipEscape(text, index);
  return index + 1;
}
