import { MovementTypes } from '@inventory/contracts';
import { appliedQuantity, onHandAfter } from './movement-quantity';

describe('movement quantity', () => {
  it('a receive adds, an issue takes away', () => {
    expect(appliedQuantity(MovementTypes.Receive, 5)).toBe(5);
    expect(appliedQuantity(MovementTypes.Issue, 5)).toBe(-5);
    expect(onHandAfter(MovementTypes.Receive, 5, 10)).toBe(15);
    expect(onHandAfter(MovementTypes.Issue, 4, 10)).toBe(6);
  });

  it('an adjust applies its signed quantity as given', () => {
    expect(appliedQuantity(MovementTypes.Adjust, -3)).toBe(-3);
    expect(appliedQuantity(MovementTypes.Adjust, 3)).toBe(3);
    expect(onHandAfter(MovementTypes.Adjust, -3, 10)).toBe(7);
    expect(onHandAfter(MovementTypes.Adjust, 2, 10)).toBe(12);
  });

  it('a stocktake replaces on hand with the counted quantity, whatever was there', () => {
    expect(onHandAfter(MovementTypes.Stocktake, 7, 10)).toBe(7);
    expect(onHandAfter(MovementTypes.Stocktake, 12, 10)).toBe(12);
    expect(onHandAfter(MovementTypes.Stocktake, 0, 10)).toBe(0);
  });

  it('an issue of more than is on hand would leave a negative number (the database refuses it)', () => {
    expect(onHandAfter(MovementTypes.Issue, 11, 10)).toBe(-1);
  });
});
