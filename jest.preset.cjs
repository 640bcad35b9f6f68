// Shared Jest settings: TypeScript through swc (decorator metadata on, or Nest DI breaks),
// workspace libraries resolved to their sources.
const path = require('node:path');

const root = __dirname;

module.exports = {
  testEnvironment: 'node',
  // Integration tests talk to real Postgres and stand-ins: seconds, not milliseconds.
  testTimeout: 60_000,
  setupFiles: [path.join(root, 'jest.setup.cjs')],
  // One test run per Jest process: a folder of its own in the system's temp folder (TMPDIR
  // for the workers) and, when DATABASE_URL is unset, one embedded Postgres; both go when the
  // run ends, fails or is interrupted, and leftovers of a killed run go at the next start.
  globalSetup: path.join(root, 'tools/local-stack/src/jest-global-setup.ts'),
  globalTeardown: path.join(root, 'tools/local-stack/src/jest-global-teardown.ts'),
  testMatch: ['<rootDir>/**/*.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/out-tsc/'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2023',
          keepClassNames: true,
        },
        // Dynamic import() stays native so ESM-only packages load through Node.
        module: { type: 'commonjs', ignoreDynamic: true },
        sourceMaps: 'inline',
      },
    ],
  },
  moduleNameMapper: {
    '^@inventory/contracts$': path.join(root, 'libs/contracts/src/index.ts'),
    '^@inventory/contracts/services$': path.join(root, 'libs/contracts/src/services.ts'),
    '^@inventory/platform$': path.join(root, 'libs/platform/src/index.ts'),
    '^@inventory/local-stack$': path.join(root, 'tools/local-stack/src/index.ts'),
  },
};
