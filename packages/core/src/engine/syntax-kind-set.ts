import { ts } from '../../lazy/typescript';

/**
 * A set of syntax kinds built on first use. Rule modules load with the rule list, before anything
 * is parsed: reading `ts.SyntaxKind` at load time would load TypeScript in every process, even one
 * whose files are all reused from the shard.
 */
export function syntaxKindSet(kinds: () => readonly ts.SyntaxKind[]): { has(kind: ts.SyntaxKind): boolean } {
  let built: ReadonlySet<ts.SyntaxKind> | undefined;
  return { has: (kind) => (built ??= new Set(kinds())).has(kind) };
}
