import { ListCatalogAudit, Services } from '@inventory/contracts';
import { auditListController } from '@inventory/platform';

/** The catalog's trail: products (fields, archive, delete, import, media) and categories. */
export const ListAuditMessageController = auditListController(ListCatalogAudit, Services.Catalog);
