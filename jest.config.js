// Jest runs the TypeScript sources as ES modules through swc (decorator metadata included),
// under `node --experimental-vm-modules` (see the `test` script).
const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    keepClassNames: true,
    target: 'es2022',
  },
  module: { type: 'es6' },
  sourceMaps: 'inline',
};

const common = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['@swc/jest', swc] },
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
};

export default {
  testTimeout: 30000,
  // Both cores: the end-to-end files mostly wait on PostgreSQL and argon2, so two run side by side
  // (Jest's default on a 2-core machine is one worker, which doubles the wall time).
  maxWorkers: 2,
  // A fresh worker per test file: Jest's ESM support shares some module instances between files
  // of one worker, which breaks `instanceof` checks inside graphql. Recycling workers avoids it.
  workerIdleMemoryLimit: '1MB',
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/src/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/setup/global-setup.mjs',
      globalTeardown: '<rootDir>/test/setup/global-teardown.mjs',
    },
  ],
};
