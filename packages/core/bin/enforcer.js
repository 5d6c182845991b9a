#!/usr/bin/env node
'use strict';
const { main } = require('../dist/cli/main.js');

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`enforcer: unexpected error\n${error && error.stack ? error.stack : String(error)}\n`);
    process.exitCode = 2;
  },
);
