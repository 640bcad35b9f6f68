import { stockStatus } from './stock-level';

describe('stockStatus: the one ok/low/out rule', () => {
  it.each([
    [0, 10, 'out'],
    [0, 0, 'out'],
    [1, 10, 'low'],
    [10, 10, 'low'],
    [11, 10, 'ok'],
    [1, 0, 'ok'],
  ])('%i on hand with reorder level %i is %s', (onHand, reorderLevel, status) => {
    expect(stockStatus(onHand, reorderLevel)).toBe(status);
  });
});
