// Regenerates schema/enforcer.schema.json from the built rule registry (run after `build`).
// config-schema.spec.ts fails when the committed file and the registry disagree.
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { builtinRules } = require('../dist/index.js');
const { buildConfigJsonSchema } = require('../dist/internal.js');

// enforcer-disable-next-line errors/unhandled-risky-call -- a build script: failing loudly is its error handling
writeFileSync(join(__dirname, '../schema/enforcer.schema.json'), `${JSON.stringify(buildConfigJsonSchema(builtinRules), null, 2)}\n`);
