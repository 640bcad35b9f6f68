// Benchmarks run through Jest only for its TypeScript transform and module mapping; they
// are not part of `npm test` (the pattern below matches *.bench.ts, never *.spec.ts).
module.exports = {
  ...require('../../jest.preset.cjs'),
  rootDir: '..',
  displayName: 'bench',
  testMatch: ['<rootDir>/bench/**/*.bench.ts'],
  maxWorkers: 1,
  testTimeout: 60 * 60 * 1000,
};
