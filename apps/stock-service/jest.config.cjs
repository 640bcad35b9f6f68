module.exports = { ...require('../../jest.preset.cjs'), displayName: 'stock-service' };
