import { MovementTypes, type MovementType } from '@inventory/contracts';

/**
 * The number a movement applies to on hand: + for receive, − for issue, as given for adjust
 * (signed) and for stocktake (the counted quantity, which replaces on hand).
 */
export function appliedQuantity(type: MovementType, quantity: number): number {
  return type === MovementTypes.Issue ? -quantity : quantity;
}

/** What a movement would leave on hand, given on hand now. */
export function onHandAfter(type: MovementType, quantity: number, onHand: number): number {
  return type === MovementTypes.Stocktake ? quantity : onHand + appliedQuantity(type, quantity);
}
