import { S3Client } from '@aws-sdk/client-s3';
import { S3MediaStorage } from './s3-media-storage.adapter';

const settings = {
  AWS_REGION: 'eu-west-1',
  S3_BUCKET: 'media',
  S3_FORCE_PATH_STYLE: false,
  S3_PRESIGN_EXPIRY_SECONDS: 300,
};
const client = () =>
  new S3Client({
    region: 'eu-west-1',
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
    requestChecksumCalculation: 'WHEN_REQUIRED',
  });

describe('S3 media storage URLs (signing inputs; no S3 involved)', () => {
  it('gives public URLs under S3_PUBLIC_BASE_URL, encoded per path segment, without expiry', async () => {
    const storage = new S3MediaStorage(client(), {
      ...settings,
      S3_PUBLIC_BASE_URL: 'https://cdn.example.com/media/',
    });
    await expect(storage.downloadUrl('products/p1/u1-front view.png')).resolves.toEqual({
      url: 'https://cdn.example.com/media/products/p1/u1-front%20view.png',
      expiresAt: null,
    });
  });

  it('presigns downloads for the configured time, with the file name for the browser', async () => {
    const storage = new S3MediaStorage(client(), settings);
    const { url, expiresAt } = await storage.downloadUrl('datasheets/p1/u1-a.pdf', {
      filename: 'a.pdf',
      contentType: 'application/pdf',
    });
    const parsed = new URL(url);
    expect(parsed.host).toBe('media.s3.eu-west-1.amazonaws.com');
    expect(parsed.pathname).toBe('/datasheets/p1/u1-a.pdf');
    expect(parsed.searchParams.get('X-Amz-Expires')).toBe('300');
    expect(parsed.searchParams.get('response-content-disposition')).toBe(
      'inline; filename="a.pdf"',
    );
    expect(parsed.searchParams.get('response-content-type')).toBe('application/pdf');
    expect(expiresAt!.getTime() - Date.now()).toBeGreaterThan(290_000);
  });

  it('signs uploads over content type and length, so S3 refuses any other file', async () => {
    const storage = new S3MediaStorage(client(), settings);
    const upload = await storage.presignUpload('products/p1/u1-a.png', 'image/png', 1234);
    const parsed = new URL(upload.url);
    expect(parsed.searchParams.get('X-Amz-SignedHeaders')).toBe('content-length;content-type;host');
    expect(parsed.searchParams.get('X-Amz-Credential')).toMatch(
      /^AKIDEXAMPLE\/\d{8}\/eu-west-1\/s3\/aws4_request$/,
    );
    expect(upload.headers).toEqual({ 'Content-Type': 'image/png' });
  });
});
