// Checks the links of the repository's Markdown: every relative link or image points at a file that
// exists, every #fragment at a heading of its target (GitHub's slugs), and every page under docs/ is
// reachable from docs/README.md or the root README.md. Run from the repository root:
//   node --test tools/docs/links.spec.mjs
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const toPosix = (path) => path.split(sep).join('/');

function markdownUnder(folder) {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : markdownUnder(path);
    return entry.name.endsWith('.md') ? [path] : [];
  });
}

/** The pages checked: README.md, docs/**, packages/<name>/README.md and packages/core/docs/**. */
function collectPages() {
  const packages = existsSync(join(root, 'packages')) ? readdirSync(join(root, 'packages')) : [];
  const pages = [
    join(root, 'README.md'),
    ...markdownUnder(join(root, 'docs')),
    ...packages.map((name) => join(root, 'packages', name, 'README.md')),
    ...markdownUnder(join(root, 'packages/core/docs')),
  ];
  return [...new Set(pages.filter((page) => existsSync(page)))].sort();
}

/**
 * The lines of a page outside fenced code blocks (and HTML comments), inline code blanked out, each
 * with the original line and its 1-based number. Blanking keeps the columns, so a match in `line` is
 * at the same place in `raw`.
 */
function proseLines(text) {
  const lines = text.split(/\r?\n/);
  const result = [];
  let fence;
  let inComment = false;
  lines.forEach((raw, index) => {
    if (fence) {
      const close = raw.match(/^ {0,3}(`{3,}|~{3,})\s*$/);
      if (close && close[1][0] === fence[0] && close[1].length >= fence.length) fence = undefined;
      return;
    }
    const open = raw.match(/^ {0,3}(`{3,}|~{3,})/);
    if (open) {
      fence = open[1];
      return;
    }
    // Code spans first: a `<!--` inside one is text.
    let line = raw.replace(/(`+)([\s\S]*?[^`])\1(?!`)/g, (_span, ticks, code) => `${ticks}${'x'.repeat(code.length)}${ticks}`);
    if (inComment) {
      const end = line.indexOf('-->');
      if (end === -1) return;
      line = ' '.repeat(end + 3) + line.slice(end + 3);
      inComment = false;
    }
    line = line.replace(/<!--.*?-->/g, (comment) => ' '.repeat(comment.length));
    const start = line.indexOf('<!--');
    if (start !== -1) {
      line = line.slice(0, start);
      inComment = true;
    }
    result.push({ line, raw, number: index + 1 });
  });
  return result;
}

// [text](target) and ![alt](target), text with one level of nested brackets ([![badge](img)](link)).
const INLINE_LINK = /!?\[((?:[^[\]]|\[[^[\]]*\])*)\]\(\s*(<[^>]*>|[^\s)]+)(?:\s+(?:"[^"]*"|'[^']*'))?\s*\)/g;
const REFERENCE_DEFINITION = /^ {0,3}\[[^\]]+\]:\s*(<[^>]*>|\S+)/;
const HTML_LINK = /<(?:a|img)\b[^>]*?\s(?:href|src)="([^"]*)"/gi;

const targetOf = (written) => written.replace(/^<|>$/g, '');

/** Every link of a page outside code: `{ number, link, target }`. */
function linksOf(text) {
  const links = [];
  for (const { line, raw, number } of proseLines(text)) {
    const scan = (chunk, offset) => {
      for (const match of chunk.matchAll(INLINE_LINK)) {
        const start = offset + match.index;
        const link = raw.slice(start, start + match[0].length);
        links.push({ number, link, target: targetOf(match[2]) });
        scan(match[1], start + match[0].indexOf('[') + 1);
      }
    };
    scan(line, 0);
    const definition = line.match(REFERENCE_DEFINITION);
    if (definition) links.push({ number, link: raw.trim(), target: targetOf(definition[1]) });
    for (const match of line.matchAll(HTML_LINK)) links.push({ number, link: match[0], target: match[1] });
  }
  return links;
}

/** GitHub's heading id: lower-case, only letters, digits, spaces, hyphens and underscores kept, spaces to hyphens. */
export function githubSlug(heading) {
  // The heading's text as rendered: code spans verbatim; elsewhere links become their text, HTML tags and emphasis go.
  const text = heading
    .split(/(`+[^`]*?`+)/)
    .map((part, index) =>
      index % 2 === 1
        ? part.replace(/^`+|`+$/g, '')
        : part
            .replace(/!?\[((?:[^[\]]|\[[^[\]]*\])*)\]\([^)]*\)/g, '$1')
            .replace(/<[^>]+>/g, '')
            .replace(/[*~]/g, ''),
    )
    .join('');
  return text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N} _-]/gu, '')
    .replace(/ /g, '-');
}

/** The fragments a page offers: heading slugs (duplicates as GitHub numbers them: x, x-1, x-2) and explicit anchors. */
function anchorsOf(text) {
  const anchors = new Set();
  const occurrences = new Map();
  const add = (heading) => {
    const base = githubSlug(heading);
    let slug = base;
    while (occurrences.has(slug)) {
      occurrences.set(base, occurrences.get(base) + 1);
      slug = `${base}-${occurrences.get(base)}`;
    }
    occurrences.set(slug, 0);
    anchors.add(slug);
  };
  const lines = proseLines(text);
  const raw = text.split(/\r?\n/);
  lines.forEach(({ line, number }, index) => {
    const source = raw[number - 1];
    const atx = source.match(/^ {0,3}#{1,6}(?:\s+(.*?))?(?:\s+#+)?\s*$/);
    if (atx) add(atx[1] ?? '');
    const next = lines[index + 1];
    // A setext heading: a paragraph line underlined with === or --- (after a blank line, --- is a rule).
    if (
      !atx &&
      next &&
      next.number === number + 1 &&
      /^ {0,3}(=+|-+)\s*$/.test(next.line) &&
      source.trim() !== '' &&
      !/^ {0,3}([-*+]\s|>|\||\d+[.)]\s)/.test(source)
    )
      add(source.trim());
    for (const match of line.matchAll(/<a\s[^>]*?(?:name|id)="([^"]+)"/gi)) anchors.add(match[1]);
  });
  return anchors;
}

const pages = collectPages();
const texts = new Map(pages.map((page) => [page, readFileSync(page, 'utf8')]));
const anchorCache = new Map();
const anchorsOfFile = (file) => {
  if (!anchorCache.has(file)) anchorCache.set(file, anchorsOf(texts.get(file) ?? readFileSync(file, 'utf8')));
  return anchorCache.get(file);
};

/** Where a relative link points, or undefined for an external one (a URL scheme such as https: or mailto:). */
function resolveTarget(page, target) {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//')) return undefined;
  const hash = target.indexOf('#');
  const pathPart = hash === -1 ? target : target.slice(0, hash);
  const fragment = hash === -1 ? undefined : target.slice(hash + 1);
  let path;
  try {
    path = decodeURIComponent(pathPart.split('?')[0]);
  } catch {
    path = pathPart;
  }
  const file = path === '' ? page : path.startsWith('/') ? join(root, path) : resolve(dirname(page), path);
  return { file, fragment };
}

function problemsOf(page) {
  const problems = [];
  const name = toPosix(relative(root, page));
  for (const { number, link, target } of linksOf(texts.get(page))) {
    const resolved = resolveTarget(page, target);
    if (!resolved) continue;
    const where = `${name}:${number}: ${link}`;
    if (!existsSync(resolved.file)) {
      problems.push(`${where}: ${toPosix(relative(root, resolved.file))} does not exist`);
      continue;
    }
    if (resolved.fragment === undefined || resolved.fragment === '') continue;
    // Fragments are checked on Markdown pages only (a #L10 into source code is GitHub's line anchor).
    if (!statSync(resolved.file).isFile() || !resolved.file.endsWith('.md')) continue;
    let fragment = resolved.fragment;
    try {
      fragment = decodeURIComponent(fragment);
    } catch {
      // keep it as written
    }
    if (!anchorsOfFile(resolved.file).has(fragment)) problems.push(`${where}: ${toPosix(relative(root, resolved.file))} has no heading #${fragment}`);
  }
  return problems;
}

test("the slugs are GitHub's", () => {
  assert.equal(githubSlug('Configuration: `enforcer.config.json`'), 'configuration-enforcerconfigjson');
  assert.equal(
    githubSlug('Outputs (per project, in `.nx-enforcer/projects/<projectRoot with / as %2F>/`)'),
    'outputs-per-project-in-nx-enforcerprojectsprojectroot-with--as-2f',
  );
  assert.equal(githubSlug('single-1k: 1 project x 1000 files (1005 files)'), 'single-1k-1-project-x-1000-files-1005-files');
  assert.equal(githubSlug('[Rules](docs/rules.md) and snake_case'), 'rules-and-snake_case');
  const anchors = anchorsOf('# Title\n\n## Usage\n\n```md\n## Usage\n```\n\n## Usage\n\n## Usage\n');
  assert.deepEqual([...anchors], ['title', 'usage', 'usage-1', 'usage-2']);
  const links = linksOf('see `[a](nowhere.md)` and [`b`](b.md)\n```\n[c](c.md)\n```\n[![x](img.svg)](d.md)\n');
  assert.deepEqual(links, [
    { number: 1, link: '[`b`](b.md)', target: 'b.md' },
    { number: 5, link: '[![x](img.svg)](d.md)', target: 'd.md' },
    { number: 5, link: '![x](img.svg)', target: 'img.svg' },
  ]);
});

for (const page of pages) {
  test(`links of ${toPosix(relative(root, page))} resolve`, () => {
    assert.deepEqual(problemsOf(page), []);
  });
}

const docsIndex = join(root, 'docs/README.md');
test('every docs/*.md page is linked from docs/README.md or README.md', { skip: existsSync(docsIndex) ? false : 'docs/README.md does not exist yet' }, () => {
  const linked = new Set();
  for (const index of [docsIndex, join(root, 'README.md')].filter((file) => existsSync(file))) {
    for (const { target } of linksOf(texts.get(index) ?? readFileSync(index, 'utf8'))) {
      const resolved = resolveTarget(index, target);
      if (resolved) linked.add(resolved.file);
    }
  }
  const unlinked = readdirSync(join(root, 'docs'))
    .filter((name) => name.endsWith('.md') && name !== 'README.md')
    .map((name) => join(root, 'docs', name))
    .filter((page) => !linked.has(page))
    .map((page) => toPosix(relative(root, page)));
  assert.deepEqual(unlinked, []);
});
