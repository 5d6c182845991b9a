import type { FixableViolation, FixImport, TextEdit } from '../engine/types';
import { applyFixes } from './apply-fixes';

/** A fix replacing the first occurrence of `from` (after `after`, if given) with `to`. */
function replace(text: string, from: string, to: string, options: { after?: number; imports?: FixImport[] } = {}): FixableViolation {
  const start = text.indexOf(from, options.after ?? 0);
  if (start === -1) throw new Error(`"${from}" is not in the text`);
  return fixOf([{ start, end: start + from.length, text: to }], options.imports);
}

function fixOf(edits: TextEdit[], imports?: FixImport[]): FixableViolation {
  return {
    violation: {
      ruleId: 'test/rule',
      severity: 'error',
      file: 'src/file.ts',
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 1,
      message: 'm',
      fingerprint: 'f',
      messageId: 'm',
    },
    fix: { kind: 'safe', edits, ...(imports ? { imports } : {}) },
  };
}

const logger = (moduleSpecifier = '@acme/logging'): FixImport[] => [{ moduleSpecifier, namedImports: ['logger'] }];

describe('applyFixes', () => {
  it('should apply every edit and keep the rest of the file byte for byte, line endings included', () => {
    const text = "// header\r\nexport function a() {\r\n  console.log('a');   // keep\r\n\r\n\tconsole.warn( 'b' )\r\n}\r\n";
    const result = applyFixes({ file: 'src/file.ts', text, fixes: [replace(text, 'console.log', 'out.info'), replace(text, 'console.warn', 'out.warn')] });

    expect(result.text).toBe("// header\r\nexport function a() {\r\n  out.info('a');   // keep\r\n\r\n\tout.warn( 'b' )\r\n}\r\n");
    expect(result).toMatchObject({ applied: [expect.anything(), expect.anything()], skipped: [] });
    expect(result.refused).toBeUndefined();
  });

  it('should return the text unchanged when there is nothing to apply', () => {
    const text = 'export const a = 1;\n';
    expect(applyFixes({ file: 'src/file.ts', text, fixes: [] })).toEqual({ text, applied: [], skipped: [] });
  });

  describe('imports', () => {
    it('should merge a name into an existing import of the module', () => {
      const text = "import { format } from '@acme/logging';\nimport { b } from './b';\n\nconsole.log(format(b));\n";
      const result = applyFixes({ file: 'src/file.ts', text, fixes: [replace(text, 'console.log', 'logger.info', { imports: logger() })] });

      expect(result.text).toBe("import { format, logger } from '@acme/logging';\nimport { b } from './b';\n\nlogger.info(format(b));\n");
    });

    it('should merge into a multi-line import on a line of its own, keeping a trailing comma', () => {
      const text = "import {\n  format,\n  level,\n} from '@acme/logging';\n\nconsole.log(format(level));\n";
      const result = applyFixes({ file: 'src/file.ts', text, fixes: [replace(text, 'console.log', 'logger.info', { imports: logger() })] });

      expect(result.text).toBe("import {\n  format,\n  level,\n  logger,\n} from '@acme/logging';\n\nlogger.info(format(level));\n");
    });

    it('should add one declaration after the last import, in the quote style and semicolon habit of the file', () => {
      const text = 'import { a } from "./a"\nimport b from "./b"\n\nconsole.log(a, b)\nconsole.error(a)\n';
      const fixes = [replace(text, 'console.log', 'logger.info', { imports: logger() }), replace(text, 'console.error', 'logger.error', { imports: logger() })];

      const result = applyFixes({ file: 'src/file.ts', text, fixes });

      expect(result.text).toBe('import { a } from "./a"\nimport b from "./b"\nimport { logger } from "@acme/logging"\n\nlogger.info(a, b)\nlogger.error(a)\n');
      expect(result.applied).toHaveLength(2);
    });

    it('should write a new import without brace spaces and with CRLF when the file does', () => {
      const text = "import {a} from './a';\r\nconsole.log(a);\r\n";
      const result = applyFixes({ file: 'src/file.ts', text, fixes: [replace(text, 'console.log', 'logger.info', { imports: logger() })] });

      expect(result.text).toBe("import {a} from './a';\r\nimport {logger} from '@acme/logging';\r\nlogger.info(a);\r\n");
    });

    it('should put the first import of a file below a detached header and above the comments attached to the first statement', () => {
      const text = '/* Copyright Acme */\n\n// @ts-expect-error -- legacy global\nconsole.log(legacy);\n';
      const result = applyFixes({ file: 'src/file.ts', text, fixes: [replace(text, 'console.log', 'logger.info', { imports: logger() })] });

      expect(result.text).toBe(
        "/* Copyright Acme */\n\nimport { logger } from '@acme/logging';\n\n// @ts-expect-error -- legacy global\nlogger.info(legacy);\n",
      );
    });

    it('should put the first import of a file at its very start when a fix edits the first statement, without mixing the two', () => {
      const text = 'console.log("x")\n';
      const result = applyFixes({ file: 'src/file.ts', text, fixes: [replace(text, 'console.log', 'logger.info', { imports: logger() })] });

      expect(result.text).toBe('import { logger } from "@acme/logging"\n\nlogger.info("x")\n');
    });

    it.each([['// @ts-nocheck'], ['/// <reference types="vite/client" />'], ['/** @jsxImportSource @emotion/react */']])(
      'should add the first import below a pragma that works only at the top (%s), never above it',
      (pragma) => {
        const text = `${pragma}\nconsole.log(legacy);\n`;
        const result = applyFixes({ file: 'src/file.tsx', text, fixes: [replace(text, 'console.log', 'logger.info', { imports: logger() })] });

        expect(result.text.startsWith(`${pragma}\n`)).toBe(true);
        expect(result.text).toContain('import { logger } from');
      },
    );

    it("should keep a directive prologue first (a 'use client' file)", () => {
      const text = "'use client';\nexport const a = () => console.log('a');\n";
      const result = applyFixes({ file: 'src/file.tsx', text, fixes: [replace(text, 'console.log', 'logger.info', { imports: logger() })] });

      expect(result.text).toBe("'use client';\nimport { logger } from '@acme/logging';\nexport const a = () => logger.info('a');\n");
    });

    it('should add nothing for a name the module already provides', () => {
      const text = "import { logger } from '@acme/logging';\nconsole.log(1);\n";
      const result = applyFixes({ file: 'src/file.ts', text, fixes: [replace(text, 'console.log', 'logger.info', { imports: logger() })] });

      expect(result.text).toBe("import { logger } from '@acme/logging';\nlogger.info(1);\n");
    });

    it('should skip a fix whose name is already bound by an import of another module', () => {
      const text = "import { logger } from './local-logger';\nconsole.log(1);\n";
      const result = applyFixes({ file: 'src/file.ts', text, fixes: [replace(text, 'console.log', 'logger.info', { imports: logger() })] });

      expect(result).toMatchObject({ text, applied: [], skipped: [expect.anything()] });
    });
  });

  describe('overlaps', () => {
    it('should skip a fix that overlaps an earlier one, apply the others, and report it as skipped', () => {
      const text = 'const a = first(second(1));\nconst b = third(2);\n';
      const outer = replace(text, 'first(second(1))', 'one');
      const inner = replace(text, 'second(1)', 'two');
      const other = replace(text, 'third(2)', 'three');

      const result = applyFixes({ file: 'src/file.ts', text, fixes: [outer, inner, other] });

      expect(result.text).toBe('const a = one;\nconst b = three;\n');
      expect(result.applied).toEqual([outer, other]);
      expect(result.skipped).toEqual([inner]);
    });

    it("should apply an insertion at the start of another fix's replacement before it", () => {
      const text = 'call(value);\n';
      const insert = fixOf([{ start: 0, end: 0, text: 'void ' }]);
      const rename = replace(text, 'call', 'invoke');

      expect(applyFixes({ file: 'src/file.ts', text, fixes: [rename, insert] }).text).toBe('void invoke(value);\n');
    });

    it('should skip a fix inside a replacement that starts where an insertion was accepted, whatever the order they came in', () => {
      const text = 'const value = compute(input);\n';
      const at = text.indexOf('compute');
      const insertion = fixOf([{ start: at, end: at, text: 'await ' }]);
      const replacement = fixOf([{ start: at, end: at + 'compute(input)'.length, text: 'run(input)' }]);
      const inside = fixOf([{ start: at + 8, end: at + 13, text: 'other' }]);
      for (const order of [
        [insertion, replacement, inside],
        [replacement, insertion, inside],
      ]) {
        const result = applyFixes({ file: 'src/file.ts', text, fixes: order });
        expect(result.skipped).toEqual([inside]);
        expect(result.text).toBe('const value = await run(input);\n');
      }
    });

    it('should skip a fix with an edit outside the text, as a rule bug, and apply the rest', () => {
      const text = 'const a = 1;\n';
      const broken = fixOf([{ start: 5, end: 500, text: 'x' }]);
      const result = applyFixes({ file: 'src/file.ts', text, fixes: [broken, replace(text, '1', '2')] });

      expect(result).toMatchObject({ text: 'const a = 2;\n', skipped: [broken] });
    });
  });

  describe('refusal', () => {
    it('should refuse fixes whose result does not parse: the original text, the file and the syntax error', () => {
      const text = 'export const total = add(1, 2);\n';
      const result = applyFixes({ file: 'libs/a/src/total.ts', text, fixes: [replace(text, 'add(1, 2)', 'add(1, 2')] });

      expect(result.text).toBe(text);
      expect(result.applied).toEqual([]);
      expect(result.refused).toBe("libs/a/src/total.ts: not fixed, the result would not parse: 1:30 ')' expected.");
    });

    it('should parse the result with the parser of the file kind (JSX in a .tsx file)', () => {
      const text = 'export const a = <div>{label}</div>;\n';
      const result = applyFixes({ file: 'src/a.tsx', text, fixes: [replace(text, 'label', 'title')] });

      expect(result).toMatchObject({ text: 'export const a = <div>{title}</div>;\n', applied: [expect.anything()] });
      expect(result.refused).toBeUndefined();
    });
  });

  describe('text files', () => {
    it('should apply plain edits and skip fixes that need an import', () => {
      const text = 'token: abc\nname: app\n';
      const needsImport = replace(text, 'app', 'service', { imports: logger() });
      const result = applyFixes({ file: 'config/app.yaml', text, fixes: [replace(text, 'abc', '${TOKEN}'), needsImport] });

      expect(result).toMatchObject({ text: 'token: ${TOKEN}\nname: app\n', skipped: [needsImport] });
    });
  });

  it('should give the same result for the same input, call after call (nothing kept between files)', () => {
    const text = "import { a } from './a';\nconsole.log(a);\n";
    const fixes = [replace(text, 'console.log', 'logger.info', { imports: logger() })];
    const first = applyFixes({ file: 'src/file.ts', text, fixes });
    for (let run = 0; run < 3; run++) expect(applyFixes({ file: 'src/file.ts', text, fixes })).toEqual(first);
  });
});
