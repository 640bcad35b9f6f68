import { startGateway, type TestGateway } from './support';

describe('GET /api/v1', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startGateway();
  });
  afterAll(() => gateway?.close());

  it('answers anyone with links, and the links it names answer', async () => {
    const index = await gateway.request<{ name: string; links: Record<string, string> }>(
      'GET',
      '/api/v1',
    );
    expect(index.status).toBe(200);
    expect(index.body.name).toBe('Electronic Inventory API');
    expect(index.body.links).toMatchObject({
      docs: '/api/docs',
      openapi: '/api/docs-json',
      login: '/api/v1/auth/login',
    });
    expect((await gateway.request('GET', index.body.links.openapi)).status).toBe(200);
    expect((await gateway.request('GET', index.body.links.docs)).status).toBe(200);
    // Resources answer too: 401 until signed in, never 404.
    expect((await gateway.request('GET', index.body.links.products)).status).toBe(401);
  });
});
