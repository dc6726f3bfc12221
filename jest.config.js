/** Source is TypeScript; compiled .js files sit beside it in lib/, so .ts must win resolution. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  transform: {
    // The handler loads some modules on first use with import() (a chunk of its own in the bundle); jest's
    // CommonJS runtime runs import() only with Node's experimental VM modules, so tests compile it to require().
    '^.+\\.ts$': ['ts-jest', { tsconfig: { module: 'commonjs', moduleResolution: 'node10', ignoreDeprecations: '6.0' } }],
  },
  // import() names the module as the bundle will have it, with .js.
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  globalSetup: '<rootDir>/test/e2e/global-setup.ts',
  globalTeardown: '<rootDir>/test/e2e/global-teardown.ts',
  // End-to-end suites mostly wait on polls and deployments: two workers on CI's two cores halve the wall time.
  maxWorkers: 2,
};
