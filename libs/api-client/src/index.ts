import createClient, { type Client, type ClientOptions } from 'openapi-fetch';
import type { components, paths } from './schema';

export type { components, paths } from './schema';

/** The gateway's API, typed from its OpenAPI document. */
export type ApiClient = Client<paths>;

/** Every schema of the API by name (`Schemas['ProductDto']`). */
export type Schemas = components['schemas'];

/** The one error shape every route answers with. */
export type ApiError = Schemas['ErrorResponseDto'];

/** A client for the API at `baseUrl` (its origin; paths start with /api/v1). */
export function createApiClient(options: ClientOptions = {}): ApiClient {
  return createClient<paths>(options);
}

/** The values of the API's named enums (sorts, CSV columns, roles), generated with the types. */
export * from './constants';

/** The rules a client applies exactly as the services do (ok/low/out), copied from contracts. */
export * from './rules';
