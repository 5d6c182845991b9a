/** The engine's published version; part of every config hash, so upgrading invalidates cached results. */
// Read at run time: `src/` and `dist/` both sit one level below package.json.
export const ENFORCER_VERSION: string = (require('../package.json') as { version: string }).version;
