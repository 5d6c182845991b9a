// Regenerates the workspace's docs/rules.md and docs/cli.md from the built rule registry and CLI
// (run after `build`). src/docs/generated-docs.spec.ts fails when the committed pages and the code disagree.
const { mkdirSync, writeFileSync } = require('node:fs');
const { dirname, join } = require('node:path');
const { builtinRules } = require('../dist/index.js');
const { generatedDocs } = require('../dist/docs/generated-docs.js');

const workspaceRoot = join(__dirname, '../../..');
for (const { path, text } of generatedDocs(builtinRules)) {
  const target = join(workspaceRoot, path);
  // enforcer-disable-next-line errors/unhandled-risky-call -- a build script: failing loudly is its error handling
  mkdirSync(dirname(target), { recursive: true });
  // enforcer-disable-next-line errors/unhandled-risky-call -- a build script: failing loudly is its error handling
  writeFileSync(target, text);
}
