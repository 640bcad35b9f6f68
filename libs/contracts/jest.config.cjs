module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'contracts',
  globals: { testRunPostgres: false },
};
