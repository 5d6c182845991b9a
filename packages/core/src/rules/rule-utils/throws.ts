import { ts } from '../../../lazy/typescript';

/** Whether running `node` may throw by a `throw` statement of its own: one in a function nested in it does not count. */
export function containsThrow(node: ts.Node): boolean {
  let found = false;
  const visit = (current: ts.Node): void => {
    if (found || ts.isFunctionLike(current)) return;
    if (ts.isThrowStatement(current)) found = true;
    else ts.forEachChild(current, visit);
  };
  ts.forEachChild(node, visit);
  return found;
}

/** A statement after which nothing in the enclosing block runs: `return`, `throw`, a block ending in one, an `if` whose branches both do. */
export function exits(statement: ts.Statement): boolean {
  if (ts.isReturnStatement(statement) || ts.isThrowStatement(statement)) return true;
  if (ts.isBlock(statement)) {
    const last = statement.statements[statement.statements.length - 1];
    return last !== undefined && exits(last);
  }
  return ts.isIfStatement(statement) && statement.elseStatement !== undefined && exits(statement.thenStatement) && exits(statement.elseStatement);
}
