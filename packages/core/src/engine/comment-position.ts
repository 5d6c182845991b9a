import { ts } from '../../lazy/typescript';
import { syntaxKindSet } from './syntax-kind-set';

const literalKinds = syntaxKindSet(() => [
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
  if (node.kind === ts.SyntaxKind.SourceFile || offset < node.getStart(sourceFile)) return true;
  return isCommentInGap(sourceFile, node, offset);
}

/**
 * The offset lies inside `node` but in no child: between the tokens the syntax tree does not keep
 * as children (the `.` that opens the next line of a method chain, a `(`, a keyword). Only tokens and trivia
 * stand there, never a string or template (those are children), so scanning that gap is exact.
 */
function isCommentInGap(sourceFile: ts.SourceFile, node: ts.Node, offset: number): boolean {
  let gapStart = node.getStart(sourceFile);
  ts.forEachChild(node, (child) => {
    if (child.end <= offset && child.end > gapStart) gapStart = child.end;
  });
  const scanner = ts.createScanner(sourceFile.languageVersion, false, sourceFile.languageVariant, sourceFile.text, undefined, gapStart, node.end - gapStart);
  for (let token = scanner.scan(); token !== ts.SyntaxKind.EndOfFileToken; token = scanner.scan()) {
    const start = scanner.getTokenStart();
    if (start > offset) return false;
    if (offset < scanner.getTokenEnd()) return token === ts.SyntaxKind.SingleLineCommentTrivia || token === ts.SyntaxKind.MultiLineCommentTrivia;
  }
  return false;
}
