/** The name people know the system by, in subjects and headings. */
export const PRODUCT_NAME = 'Electronic Inventory';

/** The rule under headings and above footers of plain-text emails (the seed's format). */
export const RULE = '='.repeat(50);

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text made safe to put into HTML. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ENTITIES[c]);

/** "1 unit", "8 units". */
export const units = (count: number): string => `${count} ${count === 1 ? 'unit' : 'units'}`;

const LINE_BREAKING = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

/**
 * Text as one line: line breaks, tabs and other control characters (and the Unicode line
 * and paragraph separators) become a space, runs of spaces one. For subjects, and anything
 * else that must stay on one line whatever its source.
 */
export const oneLine = (text: string): string =>
  text.replace(LINE_BREAKING, ' ').replace(/ {2,}/g, ' ').trim();

/** How a product is named in emails; the stock service may not know its name or SKU yet. */
export const productName = (name: string | null, productId: string) =>
  name ?? `Product ${productId}`;
export const productSku = (sku: string | null) => sku ?? 'unknown';

/** A plain HTML email: a heading, the body, a footer; inline styles only (mail clients). */
export function htmlEmail(options: {
  title: string;
  heading: string;
  body: string;
  footer: string;
  accent?: string;
}): string {
  const accent = options.accent ?? '#1f6feb';
  return `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>${escapeHtml(options.title)}</title></head>
<body style="margin:0;padding:24px;background:#f6f8fa;font-family:Arial,Helvetica,sans-serif;color:#1f2328">
<table role="presentation" width="100%" style="max-width:640px;margin:0 auto;background:#ffffff;border:1px solid #d0d7de;border-radius:6px">
<tr><td style="padding:16px 24px;border-bottom:3px solid ${accent}"><h1 style="margin:0;font-size:20px">${escapeHtml(options.heading)}</h1></td></tr>
<tr><td style="padding:16px 24px;font-size:15px;line-height:1.5">${options.body}</td></tr>
<tr><td style="padding:12px 24px;border-top:1px solid #d0d7de;font-size:13px;color:#57606a">${options.footer}</td></tr>
</table>
</body>
</html>`;
}

/** A link in an HTML email. */
export const htmlLink = (url: string, text = url) =>
  `<a href="${escapeHtml(url)}" style="color:#1f6feb">${escapeHtml(text)}</a>`;
