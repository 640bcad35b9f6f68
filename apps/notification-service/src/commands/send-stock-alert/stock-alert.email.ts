import { EmailKinds, type StockLevelEventPayload } from '@inventory/contracts';
import type { OutgoingEmail } from '../../email/email-sender.port';
import {
  escapeHtml,
  htmlEmail,
  htmlLink,
  PRODUCT_NAME,
  productName,
  productSku,
  RULE,
  units,
} from '../../email/email-layout';

const label = (p: StockLevelEventPayload) =>
  `${productName(p.name, p.productId)} (SKU: ${productSku(p.sku)})`;

const productUrl = (baseUrl: string, p: StockLevelEventPayload) =>
  `${baseUrl}/products/${p.productId}`;

/** stock.low: the product crossed down to its reorder level or below. */
export function lowStockAlertEmail(
  payload: StockLevelEventPayload,
  recipients: string[],
  baseUrl: string,
): OutgoingEmail {
  const url = productUrl(baseUrl, payload);
  const subject = `Low Stock Alert - ${label(payload)}`;
  const text = [
    `Low Stock Alert - ${PRODUCT_NAME} System`,
    RULE,
    '',
    `${label(payload)} is running low on stock:`,
    '',
    `- On hand: ${units(payload.after)}`,
    `- Reorder level: ${units(payload.reorderLevel)}`,
    '',
    RULE,
    'Please restock this item soon.',
    '',
    `View the product: ${url}`,
  ].join('\n');
  const html = htmlEmail({
    title: subject,
    heading: `Low Stock Alert - ${PRODUCT_NAME} System`,
    accent: '#bf8700',
    body: `<p><strong>${escapeHtml(label(payload))}</strong> is running low on stock:</p>
<ul>
<li>On hand: <strong>${escapeHtml(units(payload.after))}</strong></li>
<li>Reorder level: ${escapeHtml(units(payload.reorderLevel))}</li>
</ul>
<p>Please restock this item soon.</p>`,
    footer: `View the product: ${htmlLink(url)}`,
  });
  return { to: recipients, subject, text, html, kind: EmailKinds.LowStock };
}

/** stock.depleted: nothing left on hand. */
export function outOfStockEmail(
  payload: StockLevelEventPayload,
  recipients: string[],
  baseUrl: string,
): OutgoingEmail {
  const url = productUrl(baseUrl, payload);
  const subject = `Critical: out of stock - ${label(payload)}`;
  const text = [
    `Critical: Out of Stock - ${PRODUCT_NAME} System`,
    RULE,
    '',
    `${label(payload)} is out of stock:`,
    '',
    `- On hand: ${units(0)}`,
    `- Reorder level: ${units(payload.reorderLevel)}`,
    '',
    RULE,
    'Please restock this item as soon as possible.',
    '',
    `View the product: ${url}`,
  ].join('\n');
  const html = htmlEmail({
    title: subject,
    heading: `Critical: Out of Stock - ${PRODUCT_NAME} System`,
    accent: '#cf222e',
    body: `<p><strong>${escapeHtml(label(payload))}</strong> is <strong style="color:#cf222e">out of stock</strong>:</p>
<ul>
<li>On hand: <strong>${escapeHtml(units(0))}</strong></li>
<li>Reorder level: ${escapeHtml(units(payload.reorderLevel))}</li>
</ul>
<p>Please restock this item as soon as possible.</p>`,
    footer: `View the product: ${htmlLink(url)}`,
  });
  return { to: recipients, subject, text, html, kind: EmailKinds.OutOfStock };
}
