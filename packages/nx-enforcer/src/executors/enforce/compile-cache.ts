import * as nodeModule from 'node:module';

// Imported first by the executors, for its effect. Nx runs each task in a fresh Node process that
// compiles the engine's modules again; from Node 22.1, `module.enableCompileCache()` keeps their
// V8 bytecode on disk (Node's default folder, shared by every workspace, keyed by Node's version)
// so later tasks skip the compile. Nx enables it for its own CLI but not for the task processes it
// forks. Node 20 has no such cache: this does nothing there. `NX_COMPILE_CACHE=false` turns it
// off, as it does for Nx; `NODE_DISABLE_COMPILE_CACHE=1` is honoured by Node itself.
if (process.env.NX_COMPILE_CACHE !== 'false') {
  try {
    (nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache?.();
  } catch {
    // A cache that cannot be opened (read-only temp folder) only costs speed.
  }
}
