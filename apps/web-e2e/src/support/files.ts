import { randomBytes } from 'node:crypto';
import type { Locator, Page } from '@playwright/test';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';

/** A real PNG of the given size in pixels (noise when `noise`: it does not compress). */
export function pngFile(width: number, height: number, noise = false): Buffer {
  const png = new PNG({ width, height });
  const random = noise ? randomBytes(width * height * 4) : null;
  for (let i = 0; i < width * height; i++) {
    png.data[i * 4] = random ? random[i * 4] : (i * 7) % 256;
    png.data[i * 4 + 1] = random ? random[i * 4 + 1] : 120;
    png.data[i * 4 + 2] = random ? random[i * 4 + 2] : 200;
    png.data[i * 4 + 3] = 255;
  }
  return PNG.sync.write(png, { deflateLevel: noise ? 0 : 6 });
}

/** A one-page PDF a viewer opens. */
export function pdfFile(text = 'Datasheet'): Buffer {
  const stream = `BT /F1 24 Tf 72 720 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

export interface DroppedFile {
  name: string;
  type: string;
  data: Buffer;
}

/** Drops files onto an element the way a browser does (a drop event with a DataTransfer). */
export async function dropFiles(page: Page, target: Locator, files: DroppedFile[]): Promise<void> {
  const dataTransfer = await page.evaluateHandle(
    (list) => {
      const transfer = new DataTransfer();
      for (const file of list) {
        const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
        transfer.items.add(new File([bytes], file.name, { type: file.type }));
      }
      return transfer;
    },
    files.map((file) => ({
      name: file.name,
      type: file.type,
      base64: file.data.toString('base64'),
    })),
  );
  await target.dispatchEvent('dragover', { dataTransfer });
  await target.dispatchEvent('drop', { dataTransfer });
}

/** The text of the QR code in a screenshot of an element, decoded by jsQR. */
export async function decodeQr(element: Locator): Promise<string | null> {
  const image = PNG.sync.read(await element.screenshot({ scale: 'device' }));
  const code = jsQR(new Uint8ClampedArray(image.data), image.width, image.height);
  return code?.data ?? null;
}

/** A CSV of `rows` parts (header included), with the 1-based file lines in `bad` broken. */
export function partsCsv(prefix: string, rows: number, bad: number[] = []): string {
  const lines = ['sku,name,description,category,unitCost,salePrice,currency'];
  for (let i = 1; i <= rows; i++) {
    const line = i + 1;
    const price = bad.includes(line) ? 'twelve' : `${(i % 97) + 1}.50`;
    lines.push(`${prefix}-${String(i).padStart(6, '0')},Imported part ${i},,,1.00,${price},EUR`);
  }
  return `${lines.join('\n')}\n`;
}
