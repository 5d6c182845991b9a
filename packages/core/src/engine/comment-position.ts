import { ts } from 'ts-morph';

const literalKinds = new Set([
  ts.SyntaxKind.StringLiteral,
  ts.SyntaxKind.NoSubstitutionTemplateLiteral,
  ts.SyntaxKind.TemplateHead,
  ts.SyntaxKind.TemplateMiddle,
  ts.SyntaxKind.TemplateTail,
  ts.SyntaxKind.RegularExpressionLiteral,
  ts.SyntaxKind.JsxText,
]);

/**
 * Whether a (non-whitespace) offset lies in a comment: in the trivia before the innermost node that
 * contains it, and not inside a string, template, regular expression or JSX text. The syntax walk
 * does not visit comments, so text searches for comment syntax confirm their matches with this.
 */
export function isOffsetInComment(sourceFile: ts.SourceFile, offset: number): boolean {
  let node: ts.Node = sourceFile;
  for (;;) {
    const child: ts.Node | undefined = ts.forEachChild(node, (candidate) => (candidate.pos <= offset && offset < candidate.end ? candidate : undefined));
    if (!child) break;
    node = child;
  }
  if (literalKinds.has(node.kind)) return false;
  return node.kind === ts.SyntaxKind.SourceFile || offset < node.getStart(sourceFile);
}
