/** Source is TypeScript; compiled .js files sit beside it in lib/, so .ts must win resolution. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  transform: { '^.+\\.ts$': 'ts-jest' },
  globalSetup: '<rootDir>/test/e2e/global-setup.ts',
  globalTeardown: '<rootDir>/test/e2e/global-teardown.ts',
  // End-to-end suites mostly wait on polls and deployments: two workers on CI's two cores halve the wall time.
  maxWorkers: 2,
};
