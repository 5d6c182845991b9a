import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The comment that marks the next fenced `sh` block of a docs page as commands the e2e runs. */
export const RUNNABLE_MARKER = '<!-- runnable:';

export interface RunnableCommand {
  /** The page, relative to the repository root. */
  file: string;
  /** 1-based line of the command in the page. */
  line: number;
  /** The command as written, without its trailing `# comment`. */
  command: string;
}

/**
 * The commands of every runnable block, in reading order: README.md, then the docs pages in the
 * order docs/README.md links them (so a page's commands can rely on an earlier page's).
 */
export function runnableCommands(repositoryRoot: string): RunnableCommand[] {
  const index = readFileSync(join(repositoryRoot, 'docs/README.md'), 'utf8');
  const pages = [...index.matchAll(/\]\(([\w-]+\.md)\)/g)].map((match) => `docs/${match[1]}`);
  const files = ['README.md', ...new Set(pages)].filter((file) => existsSync(join(repositoryRoot, file)));
  return files.flatMap((file) => commandsIn(file, readFileSync(join(repositoryRoot, file), 'utf8')));
}

export function commandsIn(file: string, text: string): RunnableCommand[] {
  const lines = text.split('\n');
  const found: RunnableCommand[] = [];
  for (let index = 0; index < lines.length; index++) {
    if (!lines[index].trim().startsWith(RUNNABLE_MARKER)) continue;
    if (!/^```(?:sh|bash|shell)\s*$/.test(lines[index + 1] ?? ''))
      throw new Error(`${file}:${index + 1}: a runnable marker must stand right above a \`\`\`sh block`);
    for (let line = index + 2; line < lines.length && !lines[line].startsWith('```'); line++) {
      const command = lines[line].replace(/\s+#.*$/, '').trim();
      if (command !== '') found.push({ file, line: line + 1, command });
    }
  }
  return found;
}
