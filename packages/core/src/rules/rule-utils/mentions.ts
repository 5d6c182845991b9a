import { ts } from '../../../lazy/typescript';

/** Whether `node` reads the name anywhere below it (`name`, `name.x`; not a property called `name`). */
export function mentions(node: ts.Node, name: string): boolean {
  if (ts.isIdentifier(node) && node.text === name && !(ts.isPropertyAccessExpression(node.parent) && node.parent.name === node)) return true;
  return ts.forEachChild(node, (child) => mentions(child, name)) ?? false;
}
