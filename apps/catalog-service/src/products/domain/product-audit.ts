import { AuditActions, AuditEntityTypes, type FieldChange } from '@inventory/contracts';
import { fieldChanges, type NewAuditEntry } from '@inventory/platform';
import type { ProductFields } from './product';

type Product = { id: string } & Pick<ProductFields, 'sku' | 'name'>;

const describe = (field: string, change: FieldChange): string =>
  field === 'name' ? `renamed "${String(change.from)}" to "${String(change.to)}"` : field;

/** The trail's entry for a product change: one entry per change, with each field's diff. */
export function productAudit(
  action: string,
  product: Product,
  changes: Record<string, FieldChange> = {},
): NewAuditEntry {
  const fields = Object.entries(changes).map(([field, change]) => describe(field, change));
  const what: Record<string, string> = {
    [AuditActions.ProductCreated]: `Created ${product.sku} "${product.name}"`,
    [AuditActions.ProductArchived]: `Archived ${product.sku}`,
    [AuditActions.ProductDeleted]: `Deleted ${product.sku} "${product.name}"`,
    [AuditActions.ProductImported]: `Imported ${product.sku}: ${fields.join(', ')}`,
  };
  return {
    action,
    entityType: AuditEntityTypes.Product,
    entityId: product.id,
    summary: what[action] ?? `Changed ${product.sku}: ${fields.join(', ')}`,
    changes: fieldChanges(changes),
  };
}
