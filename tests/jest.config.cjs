// System tests start whole stacks (Postgres database, stand-ins, four apps): one file at a time.
module.exports = {
  ...require('../jest.preset.cjs'),
  displayName: 'system-tests',
  maxWorkers: 1,
  testTimeout: 120_000,
};
