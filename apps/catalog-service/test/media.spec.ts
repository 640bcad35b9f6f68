import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { Logger } from '@nestjs/common';
import {
  type MediaDto,
  type ProductDto,
  type UploadTicketDto,
  CompleteMediaUpload,
  CreateProduct,
  DeleteMedia,
  DeleteProduct,
  GetProduct,
  ListMedia,
  RequestMediaUpload,
  SetPrimaryMedia,
} from '@inventory/contracts';
import { AbandonedUploadSweeper } from '../src/media/commands/sweep-uploads/abandoned-upload.sweeper';
import { BUCKET, type CatalogHarness, files, startCatalog } from './support/catalog-harness';

const MAX_IMAGE = 4096;

describe('product media (S3 stand-in, real Postgres)', () => {
  let catalog: CatalogHarness;
  let product: ProductDto;
  let logged: jest.SpyInstance[];

  beforeAll(async () => {
    catalog = await startCatalog({
      MEDIA_MAX_IMAGE_BYTES: String(MAX_IMAGE),
      S3_PRESIGN_EXPIRY_SECONDS: '600',
    });
  });

  beforeEach(async () => {
    product = await catalog.send<ProductDto>(CreateProduct, {
      sku: `MEDIA-${Date.now()}-${Math.random().toString(36).slice(2, 7)}`,
      name: 'Part with pictures',
    });
    logged = [jest.spyOn(Logger.prototype, 'log'), jest.spyOn(Logger.prototype, 'warn')];
  });

  afterEach(() => logged.forEach((spy) => spy.mockRestore()));

  afterAll(async () => {
    await catalog?.close();
  });

  const requestUpload = (data: Record<string, unknown>) =>
    catalog.send<UploadTicketDto>(RequestMediaUpload, {
      productId: product.id,
      ...data,
    });

  async function put(ticket: UploadTicketDto, body: Buffer): Promise<number> {
    const response = await fetch(ticket.url, {
      method: ticket.method,
      headers: ticket.headers,
      body: new Uint8Array(body),
    });
    return response.status;
  }

  const complete = (uploadId: string, extra: Record<string, unknown> = {}) =>
    catalog.send<MediaDto>(CompleteMediaUpload, {
      productId: product.id,
      uploadId,
      ...extra,
    });

  async function attach(
    kind: 'image' | 'datasheet',
    body: Buffer,
    contentType: string,
    filename: string,
  ) {
    const ticket = await requestUpload({ kind, filename, contentType, size: body.length });
    expect(await put(ticket, body)).toBe(200);
    return complete(ticket.uploadId);
  }

  async function objectExists(key: string): Promise<boolean> {
    try {
      await catalog.s3Client.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key }));
      return true;
    } catch (error) {
      if ((error as { name?: string }).name === 'NotFound') return false;
      throw error;
    }
  }

  const keyOf = (ticketOrMedia: { url: string }) =>
    decodeURIComponent(new URL(ticketOrMedia.url).pathname.replace(`/${BUCKET}/`, ''));

  const loggedEvent = (event: string) =>
    logged
      .flatMap((spy) => spy.mock.calls.map((call) => call[0]))
      .find((entry) => (entry as { event?: string })?.event === event) as
      Record<string, unknown> | undefined;

  it('uploads straight to storage with a presigned URL, attaches on completion, and serves it back', async () => {
    const image = files.png(1500);
    const ticket = await requestUpload({
      kind: 'image',
      filename: '../../etc/Front View (1).png',
      contentType: 'image/png',
      size: image.length,
    });
    const url = new URL(ticket.url);
    // The URL names an upload key of its own, under products/<id>/uploads/.
    expect(keyOf(ticket)).toBe(`products/${product.id}/uploads/${ticket.uploadId}`);
    // What is signed: type and size of this one file, for the configured time.
    expect(url.searchParams.get('X-Amz-SignedHeaders')).toBe('content-length;content-type;host');
    expect(url.searchParams.get('X-Amz-Expires')).toBe('600');
    expect(url.searchParams.get('X-Amz-Credential')).toMatch(
      /^S3RVER\/\d{8}\/us-east-1\/s3\/aws4_request$/,
    );
    expect([...url.searchParams.keys()].some((key) => key.startsWith('x-amz-checksum'))).toBe(
      false,
    );
    expect(ticket).toMatchObject({ method: 'PUT', headers: { 'Content-Type': 'image/png' } });
    expect(new Date(ticket.expiresAt).getTime() - Date.now()).toBeGreaterThan(590_000);

    // Nothing is attached before completion.
    expect(await catalog.send(ListMedia, { productId: product.id })).toEqual([]);
    expect(await put(ticket, image)).toBe(200);
    const media = await complete(ticket.uploadId);
    expect(media).toMatchObject({
      productId: product.id,
      kind: 'image',
      filename: 'Front-View-1.png',
      contentType: 'image/png',
      size: 1500,
      primary: true,
    });
    expect(loggedEvent('media.attached')).toMatchObject({
      productId: product.id,
      mediaId: media.id,
    });

    // The URL opens in a browser: the bytes come back, with the right type.
    const download = await fetch(media.url);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await download.arrayBuffer()).equals(image)).toBe(true);

    // What is served is a copy under products/<id>/, the file name reduced to safe characters.
    expect(keyOf(media)).toBe(`products/${product.id}/${media.id}-Front-View-1.png`);
    const read = await catalog.send<ProductDto>(GetProduct, { id: product.id });
    expect(read.primaryImageUrl).toContain(`/products/${product.id}/${media.id}-Front-View-1.png`);
    // Completing twice attaches once.
    expect(
      (
        await catalog.fail(CompleteMediaUpload, {
          productId: product.id,
          uploadId: ticket.uploadId,
        })
      ).getStatus(),
    ).toBe(404);
  });

  it('keeps one primary image per product; datasheets go under datasheets/<productId>/', async () => {
    const first = await attach('image', files.jpeg(300), 'image/jpeg', 'a.jpg');
    const second = await attach('image', files.webp(400), 'image/webp', 'b.webp');
    expect([first.primary, second.primary]).toEqual([true, false]);

    const ticket = await requestUpload({
      kind: 'image',
      filename: 'c.png',
      contentType: 'image/png',
      size: 500,
    });
    await put(ticket, files.png(500));
    const third = await complete(ticket.uploadId, { primary: true });
    expect(third.primary).toBe(true);

    const sheet = await attach(
      'datasheet',
      files.pdf(2000),
      'application/pdf',
      'ESP32 datasheet.pdf',
    );
    expect(keyOf(sheet)).toBe(`datasheets/${product.id}/${sheet.id}-ESP32-datasheet.pdf`);
    expect(sheet.primary).toBe(false);

    const list = await catalog.send<MediaDto[]>(ListMedia, {
      productId: product.id,
    });
    expect(list.map((m) => [m.filename, m.primary])).toEqual([
      ['c.png', true],
      ['a.jpg', false],
      ['b.webp', false],
      ['ESP32-datasheet.pdf', false],
    ]);
    const [{ primaries }] = await catalog.db.query(
      `SELECT count(*)::int AS primaries FROM product_media WHERE product_id = $1 AND is_primary`,
      [product.id],
    );
    expect(primaries).toBe(1);
  });

  it('makes another image the primary one, refuses a datasheet, and the product shows the new primary', async () => {
    const first = await attach('image', files.jpeg(300), 'image/jpeg', 'first.jpg');
    const second = await attach('image', files.png(400), 'image/png', 'second.png');
    const sheet = await attach('datasheet', files.pdf(2000), 'application/pdf', 'sheet.pdf');
    expect([first.primary, second.primary]).toEqual([true, false]);

    const chosen = await catalog.send<MediaDto>(SetPrimaryMedia, {
      productId: product.id,
      mediaId: second.id,
    });
    expect(chosen).toMatchObject({ id: second.id, primary: true });
    const list = await catalog.send<MediaDto[]>(ListMedia, {
      productId: product.id,
    });
    expect(list.map((m) => [m.filename, m.primary])).toEqual([
      ['second.png', true],
      ['first.jpg', false],
      ['sheet.pdf', false],
    ]);
    const shown = await catalog.send<ProductDto>(GetProduct, { id: product.id });
    expect(decodeURIComponent(new URL(shown.primaryImageUrl!).pathname)).toContain(second.id);

    const datasheet = await catalog.fail(SetPrimaryMedia, {
      productId: product.id,
      mediaId: sheet.id,
    });
    expect(datasheet.getStatus()).toBe(400);
    expect(datasheet.message).toBe('Only an image can be the primary image');
    const missing = await catalog.fail(SetPrimaryMedia, {
      productId: product.id,
      mediaId: '00000000-0000-4000-8000-000000000000',
    });
    expect(missing.getStatus()).toBe(404);
    expect(
      (await catalog.send<MediaDto[]>(ListMedia, { productId: product.id }))
        .filter((m) => m.primary)
        .map((m) => m.id),
    ).toEqual([second.id]);
  });

  it('refuses a PNG declared as a PDF, deletes it from storage and attaches nothing', async () => {
    const png = files.png(1200);
    const ticket = await requestUpload({
      kind: 'datasheet',
      filename: 'datasheet.pdf',
      contentType: 'application/pdf',
      size: png.length,
    });
    expect(await put(ticket, png)).toBe(200);
    expect(await objectExists(keyOf(ticket))).toBe(true);

    const refused = await catalog.fail(CompleteMediaUpload, {
      productId: product.id,
      uploadId: ticket.uploadId,
    });
    expect(refused.getStatus()).toBe(422);
    expect(refused.message).toBe(
      'The file is a PNG image, not application/pdf as announced: the file was refused and deleted',
    );
    expect(await objectExists(keyOf(ticket))).toBe(false);
    expect(await catalog.send(ListMedia, { productId: product.id })).toEqual([]);
    const [{ uploads }] = await catalog.db.query(
      `SELECT count(*)::int AS uploads FROM media_uploads WHERE id = $1`,
      [ticket.uploadId],
    );
    expect(uploads).toBe(0);
    expect(loggedEvent('media.rejected')).toMatchObject({
      reason: 'type_mismatch',
      detected: 'image/png',
      declaredContentType: 'application/pdf',
      removed: true,
    });
  });

  it('cannot be changed through its upload URL once attached: a second PUT is never served', async () => {
    const image = files.png(1200);
    const ticket = await requestUpload({
      kind: 'image',
      filename: 'front.png',
      contentType: 'image/png',
      size: image.length,
    });
    expect(await put(ticket, image)).toBe(200);
    const media = await complete(ticket.uploadId);
    // The uploaded original is gone; the URL is still valid for minutes.
    expect(await objectExists(keyOf(ticket))).toBe(false);

    const html = Buffer.from('<html><script>alert(document.cookie)</script></html>'.padEnd(1200));
    const replaced = await fetch(ticket.url, {
      method: 'PUT',
      headers: { 'Content-Type': 'text/html' },
      body: new Uint8Array(html),
    });
    expect(replaced.status).toBe(200); // the stand-in checks no signature
    const served = await fetch(media.url);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await served.arrayBuffer()).equals(image)).toBe(true);
    const again = await catalog.fail(CompleteMediaUpload, {
      productId: product.id,
      uploadId: ticket.uploadId,
    });
    expect(again.getStatus()).toBe(404);

    // Once the URL has expired, the sweeper removes what was PUT to it; the media stays.
    await catalog.db.query(
      `UPDATE media_uploads SET expires_at = now() - interval '2 hours' WHERE id = $1`,
      [ticket.uploadId],
    );
    expect(await catalog.app.get(AbandonedUploadSweeper).sweep()).toBe(1);
    expect(await objectExists(keyOf(ticket))).toBe(false);
    expect(await objectExists(keyOf(media))).toBe(true);
  });

  it('refuses a file stored with another Content-Type than the URL was signed for', async () => {
    const image = files.png(600);
    const ticket = await requestUpload({
      kind: 'image',
      filename: 'a.png',
      contentType: 'image/png',
      size: image.length,
    });
    const stored = await fetch(ticket.url, {
      method: 'PUT',
      headers: { 'Content-Type': 'text/html' },
      body: new Uint8Array(image),
    });
    expect(stored.status).toBe(200);
    const refused = await catalog.fail(CompleteMediaUpload, {
      productId: product.id,
      uploadId: ticket.uploadId,
    });
    expect(refused.getStatus()).toBe(422);
    expect(refused.message).toBe(
      'The file was stored as text/html, not image/png as the upload URL was signed for: the file was refused and deleted',
    );
    expect(await objectExists(keyOf(ticket))).toBe(false);
    expect(await catalog.send(ListMedia, { productId: product.id })).toEqual([]);
  });

  it('judges the whole header, not the first bytes: a PNG signature on HTML is refused', async () => {
    const forged = Buffer.concat([
      Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'),
      Buffer.from('<html><script>alert(1)</script></html>'.padEnd(500)),
    ]);
    const ticket = await requestUpload({
      kind: 'image',
      filename: 'forged.png',
      contentType: 'image/png',
      size: forged.length,
    });
    await put(ticket, forged);
    const refused = await catalog.fail(CompleteMediaUpload, {
      productId: product.id,
      uploadId: ticket.uploadId,
    });
    expect(refused.getStatus()).toBe(422);
    expect(refused.message).toBe(
      'The file is not an accepted file type, not image/png as announced: the file was refused and deleted',
    );
  });

  it('refuses text pretending to be an image', async () => {
    const text = files.text(300);
    const ticket = await requestUpload({
      kind: 'image',
      filename: 'x.jpg',
      contentType: 'image/jpeg',
      size: 300,
    });
    await put(ticket, text);
    const refused = await catalog.fail(CompleteMediaUpload, {
      productId: product.id,
      uploadId: ticket.uploadId,
    });
    expect(refused.getStatus()).toBe(422);
    expect(refused.message).toContain('The file is not an accepted file type, not image/jpeg');
    expect(await objectExists(keyOf(ticket))).toBe(false);
  });

  it('refuses an oversize file: when announced (400 naming size), and when the upload is bigger than announced', async () => {
    const announced = await catalog.fail(RequestMediaUpload, {
      productId: product.id,
      kind: 'image',
      filename: 'huge.png',
      contentType: 'image/png',
      size: MAX_IMAGE + 1,
    });
    expect(announced.getStatus()).toBe(400);
    expect(announced.message).toBe(
      'The file is 4,097 bytes (4 KB); an image may be at most 4,096 bytes (4 KB)',
    );
    expect(announced.getResponse()).toMatchObject({
      details: [{ field: 'size', message: `must be at most ${MAX_IMAGE} bytes` }],
    });

    // A client that sends more than it announced (the stand-in does not check signatures).
    const ticket = await requestUpload({
      kind: 'image',
      filename: 'big.png',
      contentType: 'image/png',
      size: 1000,
    });
    await put(ticket, files.png(MAX_IMAGE + 500));
    const refused = await catalog.fail(CompleteMediaUpload, {
      productId: product.id,
      uploadId: ticket.uploadId,
    });
    expect(refused.getStatus()).toBe(422);
    expect(refused.message).toContain(
      'an image may be at most 4,096 bytes (4 KB): the file was refused and deleted',
    );
    expect(await objectExists(keyOf(ticket))).toBe(false);

    const smaller = await requestUpload({
      kind: 'image',
      filename: 's.png',
      contentType: 'image/png',
      size: 1000,
    });
    await put(smaller, files.png(900));
    const mismatch = await catalog.fail(CompleteMediaUpload, {
      productId: product.id,
      uploadId: smaller.uploadId,
    });
    expect(mismatch.message).toContain('The uploaded file has 900 bytes, not the 1000 announced');
    expect(await catalog.send(ListMedia, { productId: product.id })).toEqual([]);
  });

  it('refuses a content type that does not fit the kind, and completion before the upload', async () => {
    const wrongType = await catalog.fail(RequestMediaUpload, {
      productId: product.id,
      kind: 'image',
      filename: 'a.pdf',
      contentType: 'application/pdf',
      size: 100,
    });
    expect(wrongType.getStatus()).toBe(400);
    expect(wrongType.getResponse()).toMatchObject({ details: [{ field: 'contentType' }] });

    const ticket = await requestUpload({
      kind: 'image',
      filename: 'a.png',
      contentType: 'image/png',
      size: 100,
    });
    const early = await catalog.fail(CompleteMediaUpload, {
      productId: product.id,
      uploadId: ticket.uploadId,
    });
    expect(early.getStatus()).toBe(409);
    expect(early.message).toContain('The file has not been uploaded yet');
  });

  it('answers 502 when storage is down, attaches nothing, and completes once storage is back', async () => {
    const image = files.png(800);
    const ticket = await requestUpload({
      kind: 'image',
      filename: 'a.png',
      contentType: 'image/png',
      size: 800,
    });
    await put(ticket, image);
    await catalog.s3.stop();
    try {
      const failed = await catalog.fail(CompleteMediaUpload, {
        productId: product.id,
        uploadId: ticket.uploadId,
      });
      expect(failed.getStatus()).toBe(502);
      expect(failed.message).toBe(
        'Media storage is unavailable (could not copy the file); please try again later',
      );
      const [{ attached }] = await catalog.db.query(
        `SELECT count(*)::int AS attached FROM product_media WHERE product_id = $1`,
        [product.id],
      );
      expect(attached).toBe(0);
    } finally {
      await catalog.s3.start();
    }
    const media = await complete(ticket.uploadId);
    expect(media.primary).toBe(true);
  });

  it('removes the object with the media, promotes the next image, and keeps the record while storage is down', async () => {
    const first = await attach('image', files.png(300), 'image/png', 'first.png');
    const second = await attach('image', files.png(310), 'image/png', 'second.png');

    await catalog.s3.stop();
    try {
      const failed = await catalog.fail(DeleteMedia, {
        productId: product.id,
        mediaId: first.id,
      });
      expect(failed.getStatus()).toBe(502);
    } finally {
      await catalog.s3.start();
    }
    expect((await catalog.send<MediaDto[]>(ListMedia, { productId: product.id })).length).toBe(2);

    await catalog.send(DeleteMedia, { productId: product.id, mediaId: first.id });
    expect(await objectExists(keyOf(first))).toBe(false);
    const left = await catalog.send<MediaDto[]>(ListMedia, {
      productId: product.id,
    });
    expect(left.map((m) => [m.id, m.primary])).toEqual([[second.id, true]]);
  });

  it('removes every file of a product when the product is deleted', async () => {
    const image = await attach('image', files.png(300), 'image/png', 'p.png');
    const sheet = await attach('datasheet', files.pdf(300), 'application/pdf', 'p.pdf');
    await catalog.send(DeleteProduct, { id: product.id });
    expect(await objectExists(keyOf(image))).toBe(false);
    expect(await objectExists(keyOf(sheet))).toBe(false);
  });

  it('sweeps uploads that were never completed, objects included', async () => {
    const ticket = await requestUpload({
      kind: 'image',
      filename: 'left.png',
      contentType: 'image/png',
      size: 300,
    });
    await put(ticket, files.png(300));
    await catalog.db.query(
      `UPDATE media_uploads SET expires_at = now() - interval '2 hours' WHERE id = $1`,
      [ticket.uploadId],
    );
    const swept = await catalog.app.get(AbandonedUploadSweeper).sweep();
    expect(swept).toBe(1);
    expect(await objectExists(keyOf(ticket))).toBe(false);
  });
});
