/** A small HTTP client for system tests: signs in once, then talks JSON to /api/v1. */
export interface ApiResponse<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

export class ApiClient {
  private token?: string;

  constructor(private readonly apiUrl: string) {}

  get accessToken(): string | undefined {
    return this.token;
  }

  async login(email: string, password: string): Promise<void> {
    const response = await this.request<{ accessToken: string }>('POST', '/auth/login', {
      email,
      password,
    });
    if (response.status !== 200)
      throw new Error(
        `login as ${email} failed: ${response.status} ${JSON.stringify(response.body)}`,
      );
    this.token = response.body.accessToken;
  }

  async request<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiResponse<T>> {
    const response = await fetch(`${this.apiUrl}${path}`, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON (CSV, HTML): keep the text
    }
    return { status: response.status, body: parsed as T, headers: response.headers };
  }

  get = <T = unknown>(path: string, headers?: Record<string, string>) =>
    this.request<T>('GET', path, undefined, headers);
  post = <T = unknown>(path: string, body?: unknown, headers?: Record<string, string>) =>
    this.request<T>('POST', path, body ?? {}, headers);
  put = <T = unknown>(path: string, body?: unknown) => this.request<T>('PUT', path, body ?? {});
  patch = <T = unknown>(path: string, body?: unknown) => this.request<T>('PATCH', path, body ?? {});
  delete = <T = unknown>(path: string) => this.request<T>('DELETE', path);
}

/** Fails with the whole answer when the status is not the expected one. */
export function expectStatus<T>(response: ApiResponse<T>, status: number): T {
  if (response.status !== status) {
    throw new Error(
      `expected ${status}, got ${response.status}: ${JSON.stringify(response.body).slice(0, 2000)}`,
    );
  }
  return response.body;
}
