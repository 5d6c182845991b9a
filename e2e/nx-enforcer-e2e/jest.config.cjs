/** e2e specs: run with --runInBand (they share one workspace and one local registry). */
module.exports = {
  displayName: 'nx-enforcer-e2e',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  // Creating the workspace, installing packages and running Nx take minutes, not seconds.
  testTimeout: 20 * 60 * 1000,
  // The compatibility matrix drives several workspaces at once: most of a cell is waiting on installs.
  maxConcurrency: 3,
  globalSetup: '<rootDir>/src/support/global-setup.ts',
  globalTeardown: '<rootDir>/src/support/global-teardown.ts',
  // Every step prints when it starts and ends, with its time.
  setupFilesAfterEnv: ['<rootDir>/src/support/step-progress.ts'],
};
