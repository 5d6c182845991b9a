/**
 * Text with its control characters written out (`\x1b`, `\r`, `\u009b`): a file name or a message
 * that carries a terminal escape sequence must not recolour, move or clear the reader's terminal,
 * nor break a Markdown table. Tabs stay.
 */
export function printable(text: string): string {
  return text.replace(CONTROL_CHARACTERS, (character) => {
    const code = character.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

// C0 (without tab), DEL, C1, and the Unicode line and paragraph separators.
// eslint-disable-next-line no-control-regex -- these are the characters this function exists to find
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029]/g;
