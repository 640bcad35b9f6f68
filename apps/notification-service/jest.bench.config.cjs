// `npm run bench:notifications`: benchmarks are run on purpose, never by `npm test`.
module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'notification-bench',
  testMatch: ['<rootDir>/bench/**/*.bench.ts'],
  testTimeout: 900_000,
};
