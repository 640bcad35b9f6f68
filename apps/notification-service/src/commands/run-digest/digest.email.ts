import { EmailKinds, type DigestItem } from '@inventory/contracts';
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

/** `Low Stock Alert - 2 Items Need Restocking` (singular for one item). */
export const digestSubject = (count: number) =>
  count === 1
    ? 'Low Stock Alert - 1 Item Needs Restocking'
    : `Low Stock Alert - ${count} Items Need Restocking`;

/** `- ESP32 DevKit (SKU: MCU-ESP-32): 8 units (Min: 10)` */
export const digestLine = (item: DigestItem) =>
  `- ${productName(item.name, item.productId)} (SKU: ${productSku(item.sku)}): ${units(item.onHand)} (Min: ${item.reorderLevel})`;

/**
 * The daily digest, in the format people already know from the seed system:
 *
 *     Low Stock Alert - Electronic Inventory System
 *     ==================================================
 *
 *     The following 2 items are running low on stock:
 *
 *     - ESP32 DevKit (SKU: MCU-ESP-32): 8 units (Min: 10)
 *     - 9V Battery (SKU: PWR-BAT-9V): 6 units (Min: 12)
 *
 *     ==================================================
 *     Please restock these items soon.
 *
 *     Login to manage inventory: <PUBLIC_URL>/
 */
export function digestEmail(
  items: DigestItem[],
  recipients: string[],
  baseUrl: string,
): OutgoingEmail {
  const one = items.length === 1;
  const loginUrl = `${baseUrl}/`;
  const intro = one
    ? 'The following 1 item is running low on stock:'
    : `The following ${items.length} items are running low on stock:`;
  const outro = one ? 'Please restock this item soon.' : 'Please restock these items soon.';
  const text = [
    `Low Stock Alert - ${PRODUCT_NAME} System`,
    RULE,
    '',
    intro,
    '',
    ...items.map(digestLine),
    '',
    RULE,
    outro,
    '',
    `Login to manage inventory: ${loginUrl}`,
  ].join('\n');

  const rows = items
    .map(
      (item) => `<tr>
<td style="padding:6px 8px;border-bottom:1px solid #d0d7de">${htmlLink(`${baseUrl}/products/${item.productId}`, productName(item.name, item.productId))}</td>
<td style="padding:6px 8px;border-bottom:1px solid #d0d7de;font-family:monospace">${escapeHtml(productSku(item.sku))}</td>
<td style="padding:6px 8px;border-bottom:1px solid #d0d7de;text-align:right;${item.onHand === 0 ? 'color:#cf222e;font-weight:bold' : ''}">${item.onHand}</td>
<td style="padding:6px 8px;border-bottom:1px solid #d0d7de;text-align:right">${item.reorderLevel}</td>
</tr>`,
    )
    .join('\n');
  const html = htmlEmail({
    title: digestSubject(items.length),
    heading: `Low Stock Alert - ${PRODUCT_NAME} System`,
    accent: '#bf8700',
    body: `<p>${escapeHtml(intro)}</p>
<table role="presentation" style="border-collapse:collapse;width:100%">
<tr><th style="text-align:left;padding:6px 8px">Product</th><th style="text-align:left;padding:6px 8px">SKU</th><th style="text-align:right;padding:6px 8px">On hand</th><th style="text-align:right;padding:6px 8px">Min</th></tr>
${rows}
</table>
<p>${escapeHtml(outro)}</p>`,
    footer: `Login to manage inventory: ${htmlLink(loginUrl)}`,
  });
  return {
    to: recipients,
    subject: digestSubject(items.length),
    text,
    html,
    kind: EmailKinds.Digest,
  };
}
