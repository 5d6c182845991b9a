import { ts } from 'ts-morph';

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
