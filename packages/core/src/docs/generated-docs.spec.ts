import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HELP_TEXT } from '../cli/parse-args';
import { configStructureSchema } from '../config/config-schema';
import { builtinRules } from '../rules';
import { CLI_REFERENCE_PATH, GENERATED_NOTE, generatedDocs, renderCliReference, renderRulesIndex, RULES_INDEX_PATH } from './generated-docs';

const workspaceRoot = join(__dirname, '../../../..');
const regenerate = 'run `npm run docs` in packages/core (after `npx nx run @nx-enforcer/core:build`)';

function firstDifference(actual: string, expected: string): string {
  const actualLines = actual.split('\n');
  const expectedLines = expected.split('\n');
  const index = expectedLines.findIndex((line, at) => line !== actualLines[at]);
  const line = index === -1 ? expectedLines.length : index;
  return (
    `First difference at line ${line + 1}:\n  on disk:   ${JSON.stringify(actualLines[line] ?? '(end of file)')}\n  ` +
    `generated: ${JSON.stringify(expectedLines[line] ?? '(end of file)')}`
  );
}

describe('generated docs', () => {
  it.each(generatedDocs(builtinRules).map(({ path, text }) => [path, text] as const))(
    '%s should match the code (regenerate: run `npm run docs` in packages/core)',
    (path, text) => {
      const file = join(workspaceRoot, path);
      const onDisk = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
      if (onDisk === undefined) throw new Error(`${path} is missing: ${regenerate}.`);
      // The message names the fix and the first line that differs (a hand edit, or a rule changed without regenerating).
      if (onDisk !== text) throw new Error(`${path} is out of date with the code: ${regenerate}.\n${firstDifference(onDisk, text)}`);
    },
  );

  it('should list every built-in rule once, linked to its page, with its default severity', () => {
    const index = renderRulesIndex(builtinRules);
    expect(index).toContain(GENERATED_NOTE);
    for (const rule of builtinRules) {
      const rows = index
        .split('\n')
        .filter((line) => line.startsWith(`| [\`${rule.id}\`](../packages/core/docs/rules/${rule.id}.md) | ${rule.meta.defaultSeverity} |`));
      expect([rule.id, rows.length]).toEqual([rule.id, 1]);
    }
  });

  it('should be deterministic and free of timestamps', () => {
    expect(renderRulesIndex([...builtinRules].reverse())).toBe(renderRulesIndex(builtinRules));
    expect(renderRulesIndex(builtinRules) + renderCliReference(builtinRules)).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('should embed the help text verbatim', () => {
    expect(renderCliReference(builtinRules)).toContain(`\`\`\`text\n${HELP_TEXT}\`\`\``);
  });

  it('should write to the workspace docs folder', () => {
    expect([RULES_INDEX_PATH, CLI_REFERENCE_PATH]).toEqual(['docs/rules.md', 'docs/cli.md']);
  });

  it('should document every key of enforcer.config.json in docs/configuration.md', () => {
    const page = readFileSync(join(workspaceRoot, 'docs/configuration.md'), 'utf8');
    const documented = new Set([...page.matchAll(/^\| `(\w+)` \|/gm)].map((match) => match[1]));
    const keys = Object.keys(configStructureSchema.properties as Record<string, unknown>).filter((key) => key !== '$schema');
    expect(keys.filter((key) => !documented.has(key))).toEqual([]);
    expect(keys.length).toBeGreaterThan(5);
  });
});
