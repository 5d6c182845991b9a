'use strict';
// TypeScript (through ts-morph) is the largest module the engine loads: about 0.4 s and 40 MB per
// process on Node 20. A task whose files are all reused from its shard, or a project with no code
// file, parses nothing and should not pay for it. Every module of the engine reads `ts` through
// this getter, which loads ts-morph on first use; TypeScript's CommonJS output reads the export on
// each use (`typescript_1.ts.SyntaxKind`), so nothing is loaded before a rule or a fix needs it.
// Hand-written JavaScript because TypeScript cannot declare a namespace whose value is a getter:
// typescript.d.ts gives the types (ts-morph's own).
let loaded;
Object.defineProperty(exports, '__esModule', { value: true });
Object.defineProperty(exports, 'ts', { enumerable: true, get: () => (loaded ??= require('ts-morph').ts) });
