const LINE_BREAK = /\r\n?|\n/g;

/** Offset ↔ line/column conversion for a text, without a syntax tree (text files have none). */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(private readonly text: string) {
    // `\r\n`, `\n`, and a lone `\r` (old Mac files): TypeScript and editors end a line at each.
    // Most files hold no lone `\r`: they keep the fast native search for `\n` alone.
    if (!/\r(?!\n)/.test(text)) {
      for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) this.starts.push(index + 1);
      return;
    }
    for (const match of text.matchAll(LINE_BREAK)) this.starts.push((match.index as number) + match[0].length);
  }

  /** 1-based line and column of an offset. */
  positionOf(offset: number): { line: number; column: number } {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.starts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - this.starts[low] + 1 };
  }

  /** The text of a 1-based line, without its line break. */
  lineText(line: number): string {
    const start = this.starts[line - 1] ?? this.text.length;
    const next = this.starts[line];
    return this.text.slice(start, next === undefined ? this.text.length : next).replace(/(?:\r\n?|\n)$/, '');
  }
}
