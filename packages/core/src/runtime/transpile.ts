import { ts } from '../../lazy/typescript';

/** TypeScript to CommonJS JavaScript, in memory and without type checking (like ts-node's transpile-only mode). */
export function transpileToCommonJs(path: string, text: string): string {
  return ts.transpileModule(text, {
    fileName: path,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true, sourceMap: false, inlineSourceMap: true },
  }).outputText;
}
