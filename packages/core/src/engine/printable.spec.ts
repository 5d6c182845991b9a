import { printable } from './printable';

describe('printable', () => {
  it('should write out escape sequences, line breaks and C1 controls, and keep tabs and other text', () => {
    expect(printable('src/\u001b[2Jevil\u0007.ts')).toBe('src/\\x1b[2Jevil\\x07.ts');
    expect(printable('a\nb\rc\u009bd\u2028e')).toBe('a\\x0ab\\x0dc\\x9bd\\u2028e');
    expect(printable('tab\there, ünïcödé, 東京')).toBe('tab\there, ünïcödé, 東京');
  });
});
