/** Shared jest settings: swc transpiles TypeScript (no type check here; `typecheck` targets do that). */
module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.[tj]s$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  testMatch: ['**/?(*.)+(spec|test).ts'],
  // Resolve workspace packages to their TypeScript sources, as tsconfig's customConditions does.
  testEnvironmentOptions: { customExportConditions: ['@nx-enforcer/source', 'node', 'require', 'default'] },
};
