export default {
  testEnvironment: 'node',
  roots: ['<rootDir>/__tests__'],
  // Only *.test.ts are suites; __tests__/support holds shared helpers.
  testMatch: ['**/*.test.ts'],
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' } }],
  },
  testPathIgnorePatterns: ['/node_modules/', '\\.browser\\.test\\.ts$', '\\.receivers\\.test\\.ts$'],
  testTimeout: 60000,
};
