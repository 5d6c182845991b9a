// Regenerates src/config/structure-validator.generated.ts from the built config schema (run after
// `build`). structure-validator.spec.ts fails when the committed file and the schema disagree.
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { structureValidatorSource, STRUCTURE_VALIDATOR_FILE } = require('../dist/config/structure-validator-source.js');

// enforcer-disable-next-line errors/unhandled-risky-call -- a build script: failing loudly is its error handling
writeFileSync(join(__dirname, '../src/config', STRUCTURE_VALIDATOR_FILE), structureValidatorSource());
