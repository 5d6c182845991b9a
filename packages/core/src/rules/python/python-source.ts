import type { LogicalLine, PythonToken } from './python-tokens';

export function isOp(token: PythonToken | undefined, value: string): boolean {
  return token !== undefined && token.kind === 'op' && token.value === value;
}

export function isName(token: PythonToken | undefined, value: string): boolean {
  return token !== undefined && token.kind === 'name' && token.value === value;
}

/**
 * Whether the token at `index` is a plain call of `name`: `name(`, not `obj.name(`, and not the
 * `def name(` or `class name(` that defines it.
 */
export function isPlainCall(line: LogicalLine, index: number, name: string): boolean {
  const tokens = line.tokens;
  if (!isName(tokens[index], name) || !isOp(tokens[index + 1], '(')) return false;
  const previous = tokens[index - 1];
  return !isOp(previous, '.') && !isName(previous, 'def') && !isName(previous, 'class');
}

/**
 * The index of the first `:` at bracket depth 0 at or after `from` (the end of a compound statement's
 * header), or -1. Brackets are stepped over whole, so dict, slice and annotation colons inside them
 * do not count.
 */
export function headerColon(line: LogicalLine, from: number): number {
  const tokens = line.tokens;
  for (let index = from; index < tokens.length; index++) {
    if (line.partner[index] > index) index = line.partner[index];
    else if (isOp(tokens[index], ':')) return index;
  }
  return -1;
}

/** The index of the first line after the indented suite of the compound statement on line `header`. */
export function suiteEnd(lines: readonly LogicalLine[], header: number): number {
  const indent = lines[header].indent;
  let index = header + 1;
  while (index < lines.length && lines[index].indent > indent) index++;
  return index;
}

/**
 * Whether the module rebinds the builtin `name`, so that a call of `name(` is not the builtin: a
 * top-level `def name`, `class name` or `name = …`, or an import that binds `name` anywhere (imports
 * are often nested in `try:` or `if TYPE_CHECKING:` and still bind at module level).
 */
export function rebindsBuiltin(lines: readonly LogicalLine[], name: string): boolean {
  return lines.some((line) => (line.indent === 0 && definesOrAssigns(line, name)) || importsName(line, name));
}

function definesOrAssigns(line: LogicalLine, name: string): boolean {
  const [first, second, third] = line.tokens;
  if (isName(first, 'def') || isName(first, 'class')) return isName(second, name);
  if (isName(first, 'async')) return isName(second, 'def') && isName(third, name);
  return isName(first, name) && isOp(second, '=');
}

/** `from m import name`, `from m import x as name`, `import m as name` (not `from m import name as other`). */
function importsName(line: LogicalLine, name: string): boolean {
  const tokens = line.tokens;
  if (!isName(tokens[0], 'import') && !isName(tokens[0], 'from')) return false;
  const importAt = tokens.findIndex((token) => isName(token, 'import'));
  if (importAt === -1) return false;
  for (let index = importAt + 1; index < tokens.length; index++) {
    if (!isName(tokens[index], name) || isOp(tokens[index - 1], '.')) continue;
    if (isName(tokens[index - 1], 'as') || !isName(tokens[index + 1], 'as')) return true;
  }
  return false;
}

/** `if __name__ == "__main__":` (either operand order, either quote). */
export function isMainGuard(line: LogicalLine): boolean {
  const tokens = line.tokens;
  if (!isName(tokens[0], 'if') || !isOp(tokens[4], ':')) return false;
  const [left, operator, right] = [tokens[1], tokens[2], tokens[3]];
  if (!isOp(operator, '==')) return false;
  const isMainString = (token: PythonToken) => token.kind === 'string' && /^(['"])__main__\1$/.test(token.value);
  return (isName(left, '__name__') && isMainString(right)) || (isMainString(left) && isName(right, '__name__'));
}
