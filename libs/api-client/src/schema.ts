// Generated from the gateway's OpenAPI document by `npx nx run api-client:generate`.
// Do not edit: change the gateway and generate again.

export interface paths {
  '/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Readiness of the whole system
     * @description Up or down for the gateway, its database and each service. With an admin access token, also each part’s details (instance, uptime, why it is down, the services’ own checks).
     */
    get: operations['GatewayHealthController_system'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/health/live': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The gateway process answers */
    get: operations['GatewayHealthController_live'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Index of the API
     * @description Links to the documentation, the OpenAPI document and the main resources.
     */
    get: operations['ApiIndexController_index'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/login': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Sign in: an access token, a refresh token and who you are */
    post: operations['LoginHttpController_signIn'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/refresh': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * New tokens for a refresh token
     * @description Each refresh token works once and is replaced by the one in the answer. Using one a second time ends the whole session (someone else may hold a copy), except within REFRESH_TOKEN_REUSE_GRACE_SECONDS of its rotation: then the answer carries the session's current refresh token (a page that reloaded before it stored the answer).
     */
    post: operations['RefreshHttpController_refresh'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/logout': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Sign out: ends this session
     * @description The session's refresh token and access tokens stop working at once.
     */
    post: operations['LogoutHttpController_logout'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/password-reset/request': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Email a password-reset link
     * @description Always 202, whether or not an account uses the address. An active account gets an email with a one-time link that expires (PASSWORD_RESET_TTL_MINUTES, default 60).
     */
    post: operations['RequestPasswordResetHttpController_request'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/password-reset/confirm': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Set a new password with the token from a reset link
     * @description The new password must be at least 12 characters, not a commonly used password, and not containing the name part of your email address. The link works once; every session of the account ends (sign in again with the new password).
     */
    post: operations['ConfirmPasswordResetHttpController_confirm'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Who is signed in */
    get: operations['GetMeHttpController_me'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me/password': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Change my password
     * @description The new password must be at least 12 characters, not a commonly used password, and not containing the name part of your email address. Other sessions of the account end; this one stays.
     */
    post: operations['ChangePasswordHttpController_change'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/users': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Users, oldest first, a page at a time */
    get: operations['ListUsersHttpController_list'];
    put?: never;
    /**
     * Add a user
     * @description The new user is sent a welcome email with a link to the login page.
     */
    post: operations['CreateUserHttpController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/users/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One user */
    get: operations['GetUserHttpController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Rename, change the role of, deactivate or reactivate a user
     * @description Users are never deleted: deactivate them instead (they cannot sign in and their sessions end). The last active admin can be neither demoted nor deactivated (409).
     */
    patch: operations['UpdateUserHttpController_update'];
    trace?: never;
  };
  '/api/v1/alerts/recipients': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Who gets stock alerts and the daily low-stock digest */
    get: operations['AlertsHttpController_getRecipients'];
    /**
     * Replace the alert recipients
     * @description The whole list, at most 50 addresses; duplicates are dropped. An empty list turns stock alerts and the digest off. An invalid address is refused with 400 naming it.
     */
    put: operations['AlertsHttpController_setRecipients'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/alerts/emails': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The email log
     * @description Every send attempt, newest first: stock alerts, digests and account emails, with SES's message id or its reason for refusing.
     */
    get: operations['AlertsHttpController_listEmails'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/alerts/emails/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One email of the log, with its text */
    get: operations['AlertsHttpController_getEmail'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/alerts/low-stock/run': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Run the low-stock digest now
     * @description Emails every product at or below its reorder level to the alert recipients, like the daily run. It goes out once a day: a second run the same day sends again only with force.
     */
    post: operations['AlertsHttpController_runDigest'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/categories': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * All categories, depth-first (a parent right before its children)
     * @description Product counts include the products of every descendant.
     */
    get: operations['CategoriesHttpController_list'];
    put?: never;
    /** Create a category, at the top or under a parent */
    post: operations['CategoriesHttpController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/categories/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One category */
    get: operations['CategoriesHttpController_get'];
    put?: never;
    post?: never;
    /** Delete an empty category (no subcategories, no products) */
    delete: operations['CategoriesHttpController_delete'];
    options?: never;
    head?: never;
    /**
     * Rename, describe or move a category (with its subtree)
     * @description A move under the category itself or one of its descendants is refused (409).
     */
    patch: operations['CategoriesHttpController_update'];
    trace?: never;
  };
  '/api/v1/products/export.csv': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Download the products as CSV (the import format), optionally filtered like the list
     * @description Columns: sku, name, description, category, unitCost, salePrice, currency, manufacturer, mpn, parameters, active. Categories as paths ("Power > Batteries"), parameters as JSON.
     */
    get: operations['ProductsCsvHttpController_export'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/products/import': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Create or update products by SKU from a CSV file
     * @description Send the file as the body with Content-Type text/csv. A header row names the columns (sku is required; a column left out leaves that field unchanged; an empty cell clears an optional field). Every row is checked first: with any bad row nothing changes (422 listing each bad line) unless partial=true, which imports the good rows and reports the bad ones.
     */
    post: operations['ProductsCsvHttpController_import'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/products': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Search, filter, sort and page through products
     * @description `search` matches name, SKU, manufacturer part number and description (case-insensitive, partial; every word must match). `categoryId` includes its subcategories. `status` (ok / low / out) keeps the products at that stock status, combinable with the rest; it is the catalog's copy of the stock service's status, which follows a movement within about a second. Each product carries its stock (null when the stock service is unavailable).
     */
    get: operations['ProductsHttpController_list'];
    put?: never;
    /**
     * Create a product
     * @description Prices are decimal strings ("12.50"); the SKU is stored in upper case and must be unused (409 names the product that has it).
     */
    post: operations['ProductsHttpController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/products/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One product with its stock */
    get: operations['ProductsHttpController_get'];
    put?: never;
    post?: never;
    /**
     * Delete a product that has no stock history
     * @description A product with stock movements must be archived instead (409). While the stock service cannot confirm there are none, the delete is refused (503). Its images and datasheets are removed too.
     */
    delete: operations['ProductsHttpController_delete'];
    options?: never;
    head?: never;
    /**
     * Change some fields of a product
     * @description Only the fields given change; null clears an optional field.
     */
    patch: operations['ProductsHttpController_update'];
    trace?: never;
  };
  '/api/v1/products/{id}/archive': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Archive a product
     * @description It stays readable with its history but takes no new stock movements.
     */
    post: operations['ProductsHttpController_archive'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/products/{id}/media/uploads': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Ask to upload an image (JPEG, PNG, WebP) or a datasheet (PDF)
     * @description Answers a presigned URL: PUT the file there with the given headers before `expiresAt`, then call …/uploads/{uploadId}/complete. Files over the size limit are refused here (400).
     */
    post: operations['ProductMediaHttpController_requestUpload'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/products/{id}/media/uploads/{uploadId}/complete': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Attach an uploaded file
     * @description The file must be in storage with the announced size and its first bytes must match the announced type; otherwise it is deleted and refused (422). 409 while it has not been uploaded.
     */
    post: operations['ProductMediaHttpController_complete'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/products/{id}/media': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A product’s images (primary first) and datasheets, with URLs a browser can open */
    get: operations['ProductMediaHttpController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/products/{id}/media/{mediaId}/primary': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Make an image the primary one (shown in lists and on the part page first)
     * @description The previous primary image stays attached. A datasheet cannot be primary (400).
     */
    post: operations['ProductMediaHttpController_setPrimary'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/products/{id}/media/{mediaId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Remove an image or datasheet, and its file in storage */
    delete: operations['ProductMediaHttpController_delete'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/stock/movements': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The movement ledger, newest first
     * @description Each row names who recorded it (`actorName`) and the product (SKU, name).
     */
    get: operations['StockHttpController_list'];
    put?: never;
    /**
     * Record a stock movement
     * @description receive adds, issue takes away (refused with 409 when more than on hand), adjust corrects by a signed quantity with a reason, stocktake sets the counted quantity. Send an Idempotency-Key to retry safely: a retry answers the first result (with `Idempotent-Replayed: true`) and records nothing more. Keys are kept at least 24 hours.
     */
    post: operations['StockHttpController_record'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/stock/low': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Products at or below their reorder level
     * @description Out of stock first, then the smallest share of the reorder level left. Only products with a reorder level: one with none set (0) and nothing on hand is not stocked, not out.
     */
    get: operations['StockHttpController_low'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/stock/summary': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * How many active products are in stock, low and out
     * @description The counts of the dashboard; one pass over the stock levels.
     */
    get: operations['StockHttpController_summary'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/products/{id}/stock': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A product's stock
     * @description On hand, reorder level, status (ok, low at or below the reorder level, out at 0) and the last movement. A product with no movements has 0 on hand.
     */
    get: operations['ProductStockHttpController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/products/{id}/stock/history': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A product's stock over time
     * @description On hand at the end of each day (UTC) of the last 30, 90 or 365 days, the oldest first, with the day's receipts and issues, read from the movement ledger; and the reorder level and on hand now (for drawing the reorder line).
     */
    get: operations['ProductStockHttpController_history'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/products/{id}/reorder-level': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Set a product's reorder level
     * @description At or below it the product is low on stock. Crossing it because of this change alerts like a movement would (stock.low / stock.replenished).
     */
    put: operations['ProductStockHttpController_setReorderLevel'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/audit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The audit trail: who changed what, when, from which request; newest first
     * @description Every change made through the API (and by the boot, seed and scheduled jobs) across all services, with field changes and the correlation id of the request. Stock movements come from the ledger (`stock.movement.recorded`, with `movementId`). Admins read every entry; staff read only their own (`actorId` is set to them). An `action` ending in "." is a prefix (`product.`).
     */
    get: operations['ListAuditHttpController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    HealthCheckDto: {
      /** @enum {string} */
      status: 'up' | 'down';
      /**
       * @description Why it is down, or a short fact.
       * @example 3 ms
       */
      detail?: string;
    };
    SystemHealthDto: {
      /** @enum {string} */
      status: 'up' | 'down';
      /**
       * @description Names what is down.
       * @example Down: stock
       */
      message: string;
      /**
       * @description The gateway, its database and each service (with its own checks).
       * @example {
       *       "gateway": {
       *         "status": "up"
       *       },
       *       "database": {
       *         "status": "up",
       *         "detail": "2 ms"
       *       }
       *     }
       */
      checks: {
        [key: string]: components['schemas']['HealthCheckDto'];
      };
    };
    LiveDto: {
      /** @enum {string} */
      status: 'up';
    };
    ApiIndexDto: {
      /** @example Electronic Inventory API */
      name: string;
      /** @example v1 */
      version: string;
      /**
       * @description The API documentation, the OpenAPI document, health, and the main resources
       * @example {
       *       "docs": "/api/docs",
       *       "openapi": "/api/docs-json",
       *       "login": "/api/v1/auth/login"
       *     }
       */
      links: Record<string, never>;
    };
    LoginDto: {
      /** @example admin@inventory.local */
      email: string;
      /** @example change-me-inventory-admin */
      password: string;
    };
    /** @enum {string} */
    Role: 'admin' | 'staff';
    UserDto: {
      /** Format: uuid */
      id: string;
      /**
       * @description Lower case; unique.
       * @example ada@lab.example
       */
      email: string;
      /** @example Ada Lovelace */
      displayName: string;
      /** @example staff */
      role: components['schemas']['Role'];
      /** @description Deactivated users cannot sign in; their sessions are ended. */
      active: boolean;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      lastLoginAt: string | null;
    };
    SignedInDto: {
      /** @description JWT to send as `Authorization: Bearer <accessToken>`. */
      accessToken: string;
      /** @example Bearer */
      tokenType: string;
      /**
       * @description Seconds until the access token expires.
       * @example 900
       */
      expiresIn: number;
      /** @description Opaque; exchange it at /auth/refresh for new tokens. Each one works once: a refresh token used a second time ends the whole session. */
      refreshToken: string;
      /** Format: date-time */
      refreshExpiresAt: string;
      user: components['schemas']['UserDto'];
    };
    ErrorDetailDto: {
      /** @example quantity */
      field: string;
      /** @example quantity must be a positive integer */
      message: string;
    };
    ErrorResponseDto: {
      /** @example 400 */
      statusCode: number;
      /** @example Bad Request */
      error: string;
      /** @example Invalid request: quantity */
      message: string;
      /** @description The offending fields, when there are any. */
      details?: components['schemas']['ErrorDetailDto'][];
      /**
       * @description The request id (X-Request-Id).
       * @example 6419e6d3-5a23-45ea-89c2-adeb4971559d
       */
      correlationId: string;
    };
    RefreshTokenDto: {
      refreshToken: string;
    };
    TokensDto: {
      /** @description JWT to send as `Authorization: Bearer <accessToken>`. */
      accessToken: string;
      /** @example Bearer */
      tokenType: string;
      /**
       * @description Seconds until the access token expires.
       * @example 900
       */
      expiresIn: number;
      /** @description Opaque; exchange it at /auth/refresh for new tokens. Each one works once: a refresh token used a second time ends the whole session. */
      refreshToken: string;
      /** Format: date-time */
      refreshExpiresAt: string;
    };
    RequestPasswordResetDto: {
      /** @example ada@lab.example */
      email: string;
    };
    PasswordResetRequestedDto: {
      /** @example If an active account uses this address, a reset link is on its way to it */
      message: string;
    };
    ConfirmPasswordResetDto: {
      /** @description The token from the reset link. */
      token: string;
      /** @description The new password: at least 12 characters, not a commonly used password, and not containing the name part of your email address. */
      newPassword: string;
    };
    ChangePasswordDto: {
      currentPassword: string;
      /** @description The new password: at least 12 characters, not a commonly used password, and not containing the name part of your email address. */
      newPassword: string;
    };
    UsersPageDto: {
      /** @example 312 */
      total: number;
      /** @example 1 */
      page: number;
      /** @example 20 */
      pageSize: number;
      items: components['schemas']['UserDto'][];
    };
    CreateUserDto: {
      /**
       * @description Unique, compared without case.
       * @example ada@lab.example
       */
      email: string;
      /** @example Ada Lovelace */
      displayName: string;
      role: components['schemas']['Role'];
      /** @description The first password, passed on to the person by the admin: at least 12 characters, not a commonly used password, and not containing the name part of your email address. */
      password: string;
    };
    UpdateUserDto: {
      /** @example Ada Lovelace */
      displayName?: string;
      role?: components['schemas']['Role'];
      /** @description false deactivates: the user cannot sign in and their sessions end. */
      active?: boolean;
    };
    AlertRecipientsResponseDto: {
      /**
       * @example [
       *       "stores@example.com",
       *       "lab-manager@example.com"
       *     ]
       */
      recipients: string[];
      /**
       * @description When an admin last changed the list; null while it is the one from ALERT_RECIPIENTS.
       * @example 2026-11-24T09:12:03.511Z
       */
      updatedAt: string | null;
      /**
       * @description User id of the admin who changed it last.
       * @example 8d3c5a4e-2f1b-4c9a-9a57-0c1f0d6b7e21
       */
      updatedBy: string | null;
    };
    AlertRecipientsDto: {
      /**
       * @description Every address that gets stock alerts and the daily digest. An empty list turns them off.
       * @example [
       *       "stores@example.com",
       *       "lab-manager@example.com"
       *     ]
       */
      recipients: string[];
    };
    EmailLogEntryDto: {
      /** Format: uuid */
      id: string;
      /**
       * @example low_stock
       * @enum {string}
       */
      kind: 'low_stock' | 'out_of_stock' | 'digest' | 'password_reset' | 'welcome';
      /**
       * @description sent: SES accepted it; failed: SES refused it for good (not retried); retrying: SES was unavailable, the event is delivered again; skipped: deliberately not sent (see error).
       * @example sent
       * @enum {string}
       */
      status: 'sent' | 'failed' | 'retrying' | 'skipped';
      /**
       * @example [
       *       "stores@example.com"
       *     ]
       */
      recipients: string[];
      /** @example Low Stock Alert - ESP32 DevKit (SKU: MCU-ESP-32) */
      subject: string;
      /**
       * Format: uuid
       * @description The event that caused it.
       */
      eventId: string | null;
      /**
       * Format: uuid
       * @description The digest run that caused it.
       */
      digestRunId: string | null;
      /** Format: uuid */
      productId: string | null;
      /** @example 0100019a1b2c3d4e-5f6a7b8c-0000-0000-0000-000000000000-000000 */
      sesMessageId: string | null;
      /**
       * @description SES's reason for a failed attempt, or why it was skipped.
       * @example MessageRejected: Email address is not verified.
       */
      error: string | null;
      /** @description The request that caused it (X-Request-Id). */
      correlationId: string | null;
      /**
       * @description When the attempt ended.
       * @example 2026-11-24T09:00:01.204Z
       */
      at: string;
    };
    EmailLogPageDto: {
      /** @example 312 */
      total: number;
      /** @example 1 */
      page: number;
      /** @example 20 */
      pageSize: number;
      items: components['schemas']['EmailLogEntryDto'][];
    };
    EmailLogEntryWithTextDto: {
      /** Format: uuid */
      id: string;
      /**
       * @example low_stock
       * @enum {string}
       */
      kind: 'low_stock' | 'out_of_stock' | 'digest' | 'password_reset' | 'welcome';
      /**
       * @description sent: SES accepted it; failed: SES refused it for good (not retried); retrying: SES was unavailable, the event is delivered again; skipped: deliberately not sent (see error).
       * @example sent
       * @enum {string}
       */
      status: 'sent' | 'failed' | 'retrying' | 'skipped';
      /**
       * @example [
       *       "stores@example.com"
       *     ]
       */
      recipients: string[];
      /** @example Low Stock Alert - ESP32 DevKit (SKU: MCU-ESP-32) */
      subject: string;
      /**
       * Format: uuid
       * @description The event that caused it.
       */
      eventId: string | null;
      /**
       * Format: uuid
       * @description The digest run that caused it.
       */
      digestRunId: string | null;
      /** Format: uuid */
      productId: string | null;
      /** @example 0100019a1b2c3d4e-5f6a7b8c-0000-0000-0000-000000000000-000000 */
      sesMessageId: string | null;
      /**
       * @description SES's reason for a failed attempt, or why it was skipped.
       * @example MessageRejected: Email address is not verified.
       */
      error: string | null;
      /** @description The request that caused it (X-Request-Id). */
      correlationId: string | null;
      /**
       * @description When the attempt ended.
       * @example 2026-11-24T09:00:01.204Z
       */
      at: string;
      /** @description The plain-text body as sent. A password-reset link is withheld (it would sign its reader in as that user). */
      text: string | null;
    };
    RunDigestDto: {
      /**
       * @description Send the digest even when one was already sent today.
       * @default false
       */
      force: boolean;
    };
    DigestItemDto: {
      /** Format: uuid */
      productId: string;
      /** @example MCU-ESP-32 */
      sku: string | null;
      /** @example ESP32 DevKit */
      name: string | null;
      /** @example 8 */
      onHand: number;
      /** @example 10 */
      reorderLevel: number;
    };
    DigestRunResponseDto: {
      /** Format: uuid */
      runId: string;
      /**
       * @description sent; nothing_low (nothing sent); already_sent (today’s digest went out already and force was not given); no_recipients (the recipient list is empty).
       * @example sent
       * @enum {string}
       */
      status: 'sent' | 'nothing_low' | 'already_sent' | 'no_recipients';
      /**
       * @description The day the run counts for, in timeZone.
       * @example 2026-11-24
       */
      runDate: string;
      /** @example UTC */
      timeZone: string;
      forced: boolean;
      /** @description Everything at or below its reorder level. */
      items: components['schemas']['DigestItemDto'][];
      recipients: string[];
      /** @example Low Stock Alert - 2 Items Need Restocking */
      subject: string | null;
      sesMessageId: string | null;
      /** @description already_sent: when today’s digest went out. */
      previouslySentAt: string | null;
    };
    CategoryDto: {
      /** Format: uuid */
      id: string;
      /** @example ESP32 */
      name: string;
      /** @example Wi-Fi + Bluetooth boards */
      description: string | null;
      /** Format: uuid */
      parentId: string | null;
      /**
       * @description Names from the top of the tree down to this category.
       * @example [
       *       "Microcontrollers",
       *       "ESP32"
       *     ]
       */
      path: string[];
      /**
       * @description 0 for a top-level category.
       * @example 1
       */
      depth: number;
      /**
       * @description Direct subcategories.
       * @example 0
       */
      childCount: number;
      /**
       * @description Products in this category and all its descendants, archived ones included.
       * @example 12
       */
      productCount: number;
      /**
       * @description Active products in this category and its descendants.
       * @example 11
       */
      activeProductCount: number;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
    };
    CreateCategoryDto: {
      /** @example ESP32 */
      name: string;
      /**
       * Format: uuid
       * @description The parent category; absent or null for a top-level category.
       */
      parentId?: string | null;
      description?: string | null;
    };
    UpdateCategoryDto: {
      /** @example ESP32 boards */
      name?: string;
      /**
       * Format: uuid
       * @description Move under this category; null moves it to the top level.
       */
      parentId?: string | null;
      description?: string | null;
    };
    /** @enum {string} */
    StockStatus: 'ok' | 'low' | 'out';
    ImportRowErrorDto: {
      /**
       * @description Line in the file (the header is line 1).
       * @example 7
       */
      line: number;
      /** @example RES-10K */
      sku: string | null;
      /** @example salePrice */
      field: string | null;
      /** @example salePrice must be a decimal string … */
      message: string;
    };
    ImportResultDto: {
      /**
       * @description Data rows in the file.
       * @example 120
       */
      rows: number;
      /** @example 100 */
      created: number;
      /** @example 15 */
      updated: number;
      /**
       * @description Rows identical to the product already there.
       * @example 3
       */
      unchanged: number;
      /**
       * @description Rows with errors, not imported.
       * @example 2
       */
      rejected: number;
      errors: components['schemas']['ImportRowErrorDto'][];
      /** @description true when more than 1000 errors were found. */
      errorsTruncated: boolean;
    };
    /** @enum {string} */
    ProductSort:
      | 'name'
      | '-name'
      | 'sku'
      | '-sku'
      | 'createdAt'
      | '-createdAt'
      | 'updatedAt'
      | '-updatedAt'
      | 'salePrice'
      | '-salePrice';
    ProductCategoryRefDto: {
      /** Format: uuid */
      id: string;
      /** @example ESP32 */
      name: string;
      /**
       * @example [
       *       "Microcontrollers",
       *       "ESP32"
       *     ]
       */
      path: string[];
    };
    StockBlockDto: {
      /** @example 42 */
      onHand: number;
      /** @example 10 */
      reorderLevel: number;
      /**
       * @example ok
       * @enum {string}
       */
      status: 'ok' | 'low' | 'out';
      /** @example Shelf B3 */
      location: string | null;
      /** Format: date-time */
      lastMovementAt: string | null;
    };
    ProductWithStockDto: {
      /** Format: uuid */
      id: string;
      /** @example MCU-ARD-UNO */
      sku: string;
      /** @example Arduino Uno R3 */
      name: string;
      description: string | null;
      /** Format: uuid */
      categoryId: string | null;
      category: components['schemas']['ProductCategoryRefDto'] | null;
      /** @example 14.20 */
      unitCost: string | null;
      /** @example 24.90 */
      salePrice: string | null;
      /** @example EUR */
      currency: string;
      /** @example Arduino */
      manufacturer: string | null;
      /** @example A000066 */
      mpn: string | null;
      /**
       * @example {
       *       "package": "DIP-28",
       *       "voltage": "5V",
       *       "flashKb": 32
       *     }
       */
      parameters: {
        [key: string]: string | number | boolean;
      };
      /** @description false once archived: no new stock movements. */
      active: boolean;
      /** Format: date-time */
      archivedAt: string | null;
      /** @description A URL a browser can open (expires) of the primary image, if there is one. */
      primaryImageUrl: string | null;
      /** Format: date-time */
      createdAt: string;
      /** @description User id of who created it. */
      createdBy: string | null;
      /** Format: date-time */
      updatedAt: string;
      /** @description User id of who changed it last. */
      updatedBy: string | null;
      /** @description null when the stock service did not answer in time: the product is shown without it. */
      stock: components['schemas']['StockBlockDto'] | null;
    };
    ProductWithStockPageDto: {
      /** @example 312 */
      total: number;
      /** @example 1 */
      page: number;
      /** @example 20 */
      pageSize: number;
      items: components['schemas']['ProductWithStockDto'][];
    };
    CreateProductDto: {
      /**
       * @description Unique, case-insensitive; stored in upper case.
       * @example MCU-ARD-UNO
       */
      sku: string;
      /** @example Arduino Uno R3 */
      name: string;
      description?: string | null;
      /** Format: uuid */
      categoryId?: string | null;
      /**
       * @description What one unit costs us: an exact decimal as a string.
       * @example 14.20
       */
      unitCost?: string | null;
      /**
       * @description What one unit sells for: an exact decimal as a string.
       * @example 24.90
       */
      salePrice?: string | null;
      /**
       * @description ISO 4217 code of unitCost and salePrice; the configured default when absent.
       * @example EUR
       */
      currency?: string;
      /** @example Arduino */
      manufacturer?: string | null;
      /**
       * @description Manufacturer part number.
       * @example A000066
       */
      mpn?: string | null;
      /**
       * @description Free-form technical parameters: name → text, number or boolean (at most 50).
       * @example {
       *       "package": "DIP-28",
       *       "voltage": "5V",
       *       "flashKb": 32
       *     }
       */
      parameters?: {
        [key: string]: string | number | boolean;
      };
      /**
       * @description false creates it archived.
       * @default true
       */
      active: boolean;
    };
    UpdateProductDto: {
      /** @example MCU-ARD-UNO */
      sku?: string;
      /** @example Arduino Uno R3 */
      name?: string;
      description?: string | null;
      /** Format: uuid */
      categoryId?: string | null;
      /** @example 14.20 */
      unitCost?: string | null;
      /** @example 24.90 */
      salePrice?: string | null;
      /** @example EUR */
      currency?: string;
      manufacturer?: string | null;
      mpn?: string | null;
      /**
       * @description Replaces all parameters.
       * @example {
       *       "package": "DIP-28",
       *       "voltage": "5V",
       *       "flashKb": 32
       *     }
       */
      parameters?: {
        [key: string]: string | number | boolean;
      };
      /** @description false archives, true brings an archived product back. */
      active?: boolean;
    };
    RequestUploadDto: {
      /**
       * @example image
       * @enum {string}
       */
      kind: 'image' | 'datasheet';
      /**
       * @description Shown to people; reduced to safe characters for the storage key.
       * @example arduino-uno-front.png
       */
      filename: string;
      /**
       * @example image/png
       * @enum {string}
       */
      contentType: 'image/jpeg' | 'image/png' | 'image/webp' | 'application/pdf';
      /**
       * @description Exact size of the file in bytes.
       * @example 184322
       */
      size: number;
    };
    UploadTicketDto: {
      /**
       * Format: uuid
       * @description Confirm with …/uploads/{uploadId}/complete.
       */
      uploadId: string;
      /** @description Presigned URL to send the file to. */
      url: string;
      /** @example PUT */
      method: string;
      /**
       * @description Headers the upload must carry exactly (they are part of the signature).
       * @example {
       *       "Content-Type": "image/png"
       *     }
       */
      headers: {
        [key: string]: string;
      };
      /** Format: date-time */
      expiresAt: string;
    };
    CompleteUploadDto: {
      /** @description Images only: make this the primary image. The first image of a product is primary anyway. */
      primary?: boolean;
    };
    MediaDto: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      productId: string;
      /** @enum {string} */
      kind: 'image' | 'datasheet';
      /** @example arduino-uno-front.png */
      filename: string;
      /** @example image/png */
      contentType: string;
      /** @example 184322 */
      size: number;
      /** @description The product’s primary image (at most one per product). */
      primary: boolean;
      /** @description A URL a browser can open. */
      url: string;
      /**
       * Format: date-time
       * @description When `url` stops working; null for a public URL.
       */
      urlExpiresAt: string | null;
      /** Format: date-time */
      createdAt: string;
      createdBy: string | null;
    };
    RecordMovementDto: {
      /** Format: uuid */
      productId: string;
      /**
       * @example issue
       * @enum {string}
       */
      type: 'receive' | 'issue' | 'adjust' | 'stocktake';
      /**
       * @description receive and issue: how many, 1 to 1000000; adjust: the signed correction, not 0; stocktake: the counted quantity, 0 to 1000000000.
       * @example 5
       */
      quantity: number;
      /**
       * @description Required for adjust.
       * @example Damaged in storage
       */
      reason?: string;
      /**
       * @description Purchase order, work order, invoice …
       * @example PO-4711
       */
      reference?: string;
    };
    StockMovementDto: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      productId: string;
      /**
       * @example issue
       * @enum {string}
       */
      type: 'receive' | 'issue' | 'adjust' | 'stocktake';
      /**
       * @description Signed change of on hand
       * @example -5
       */
      delta: number;
      /**
       * @description On hand right after this movement
       * @example 95
       */
      quantityAfter: number;
      /** @example null */
      reason: string | null;
      /** @example WO-2291 */
      reference: string | null;
      /** @description Who recorded it */
      actorUserId: string | null;
      /** @description The request that recorded it (X-Request-Id) */
      correlationId: string;
      /** Format: date-time */
      createdAt: string;
    };
    RecordMovementResultDto: {
      movement: components['schemas']['StockMovementDto'];
      /**
       * @description On hand right after the movement
       * @example 95
       */
      onHand: number;
    };
    MovementWithActorDto: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      productId: string;
      /**
       * @example issue
       * @enum {string}
       */
      type: 'receive' | 'issue' | 'adjust' | 'stocktake';
      /**
       * @description Signed change of on hand
       * @example -5
       */
      delta: number;
      /**
       * @description On hand right after this movement
       * @example 95
       */
      quantityAfter: number;
      /** @example null */
      reason: string | null;
      /** @example WO-2291 */
      reference: string | null;
      /** @description Who recorded it */
      actorUserId: string | null;
      /** @description The request that recorded it (X-Request-Id) */
      correlationId: string;
      /** Format: date-time */
      createdAt: string;
      /**
       * @description Display name of who recorded it; null for the system or a deleted user
       * @example Ada Lovelace
       */
      actorName: string | null;
      /** @example MCU-ESP-32 */
      productSku: string | null;
      /** @example ESP32 DevKitC V4 */
      productName: string | null;
    };
    MovementWithActorPageDto: {
      /** @example 312 */
      total: number;
      /** @example 1 */
      page: number;
      /** @example 20 */
      pageSize: number;
      items: components['schemas']['MovementWithActorDto'][];
    };
    StockLevelDto: {
      /** Format: uuid */
      productId: string;
      /** @example MCU-ESP-32 */
      sku: string | null;
      /** @example ESP32 DevKit */
      name: string | null;
      /**
       * @description A product with no movements has 0 on hand
       * @example 8
       */
      onHand: number;
      /**
       * @description At or below this the product is low on stock
       * @example 10
       */
      reorderLevel: number;
      /** @example low */
      status: components['schemas']['StockStatus'];
      /** @example Drawer B3 */
      location: string | null;
      /** Format: date-time */
      lastMovementAt: string | null;
    };
    StockSummaryDto: {
      /**
       * @description Active products
       * @example 312
       */
      active: number;
      /**
       * @description Needing nothing: above their reorder level, or with no reorder level set (0) and nothing on hand (not stocked)
       * @example 290
       */
      ok: number;
      /**
       * @description At or below their reorder level, some on hand
       * @example 15
       */
      low: number;
      /**
       * @description Nothing on hand, with a reorder level set
       * @example 7
       */
      out: number;
    };
    StockHistoryPointDto: {
      /**
       * @description The day (UTC), YYYY-MM-DD
       * @example 2026-11-30
       */
      day: string;
      /**
       * @description On hand at the end of the day
       * @example 42
       */
      onHand: number;
      /**
       * @description The day's receipts
       * @example 50
       */
      received: number;
      /**
       * @description The day's issues and downward corrections
       * @example 8
       */
      issued: number;
    };
    StockHistoryDto: {
      /** Format: uuid */
      productId: string;
      /**
       * @example 30
       * @enum {number}
       */
      days: 30 | 90 | 365;
      /**
       * @description The reorder level now
       * @example 10
       */
      reorderLevel: number;
      /**
       * @description On hand now
       * @example 42
       */
      onHand: number;
      /** @description One point per day, the oldest first; the last is today. */
      points: components['schemas']['StockHistoryPointDto'][];
    };
    SetReorderLevelDto: {
      /** @example 10 */
      reorderLevel: number;
    };
    AuditActorDto: {
      /** Format: uuid */
      userId: string | null;
      /** @example admin@example.com */
      email: string | null;
      /** @example admin */
      role: string | null;
    };
    AuditChangeDto: {
      /** @example name */
      field: string;
      /**
       * @description Any JSON value.
       * @example ESP32 board
       */
      from: Record<string, never> | null;
      /**
       * @description Any JSON value.
       * @example ESP32-S3 board
       */
      to: Record<string, never> | null;
    };
    AuditEntryDto: {
      /** Format: uuid */
      id: string;
      /** Format: date-time */
      at: string;
      actor: components['schemas']['AuditActorDto'];
      /** @example product.updated */
      action: string;
      /** @example product */
      entityType: string;
      /** @example 5f1c… */
      entityId: string;
      /** @example Renamed ESP32 board to ESP32-S3 board */
      summary: string;
      changes: components['schemas']['AuditChangeDto'][];
      /** @description The request id: joins the logs of every service it touched. */
      correlationId: string;
      /** @enum {string} */
      origin: 'console' | 'api' | 'cli' | 'system';
      /**
       * @description The service that keeps the entry.
       * @enum {string}
       */
      service: 'gateway' | 'catalog' | 'stock' | 'notification';
      /**
       * Format: uuid
       * @description For `stock.movement.recorded`: the movement in the ledger.
       */
      movementId?: string;
    };
    AuditPageDto: {
      items: components['schemas']['AuditEntryDto'][];
      /** @example 1 */
      page: number;
      /** @example 20 */
      pageSize: number;
      hasMore: boolean;
    };
    /**
     * @description A column of the product CSV, in export order: the header of an import names some of them (sku is required), an export has all of them.
     * @enum {string}
     */
    ProductCsvColumn:
      | 'sku'
      | 'name'
      | 'description'
      | 'category'
      | 'unitCost'
      | 'salePrice'
      | 'currency'
      | 'manufacturer'
      | 'mpn'
      | 'parameters'
      | 'active';
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  GatewayHealthController_system: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Everything is up */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SystemHealthDto'];
        };
      };
      /** @description Something is down */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SystemHealthDto'];
        };
      };
    };
  };
  GatewayHealthController_live: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LiveDto'];
        };
      };
    };
  };
  ApiIndexController_index: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiIndexDto'];
        };
      };
    };
  };
  LoginHttpController_signIn: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['LoginDto'];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SignedInDto'];
        };
      };
      /** @description Invalid request: `details` names each offending field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not signed in, or the token is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Too many requests */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  RefreshHttpController_refresh: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RefreshTokenDto'];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TokensDto'];
        };
      };
      /** @description Invalid request: `details` names each offending field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not signed in, or the token is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Too many requests */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  LogoutHttpController_logout: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Signed out */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /**
       * @description Not signed in, or the token is invalid, expired or of an ended session
       *
       *     Not signed in, or the token is invalid, expired or of an ended session
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  RequestPasswordResetHttpController_request: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RequestPasswordResetDto'];
      };
    };
    responses: {
      /** @description Accepted */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PasswordResetRequestedDto'];
        };
      };
      /** @description Invalid request: `details` names each offending field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Too many requests */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  ConfirmPasswordResetHttpController_confirm: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ConfirmPasswordResetDto'];
      };
    };
    responses: {
      /** @description Password changed */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Invalid request: `details` names each offending field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Too many requests */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  GetMeHttpController_me: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UserDto'];
        };
      };
      /**
       * @description Not signed in, or the token is invalid, expired or of an ended session
       *
       *     Not signed in, or the token is invalid, expired or of an ended session
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  ChangePasswordHttpController_change: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ChangePasswordDto'];
      };
    };
    responses: {
      /** @description Password changed */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Invalid request: `details` names each offending field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /**
       * @description Not signed in, or the token is invalid, expired or of an ended session
       *
       *     Not signed in, or the token is invalid, expired or of an ended session
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Too many requests */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  ListUsersHttpController_list: {
    parameters: {
      query?: {
        page?: number;
        pageSize?: number;
        /** @description Part of the email or the display name, without case. */
        q?: string;
        role?: components['schemas']['Role'];
        active?: boolean;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UsersPageDto'];
        };
      };
      /** @description Invalid request: `details` names each offending field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /**
       * @description Not signed in, or the token is invalid, expired or of an ended session
       *
       *     Not signed in, or the token is invalid, expired or of an ended session
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /**
       * @description Only for: admin
       *
       *     Only for: admin
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  CreateUserHttpController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateUserDto'];
      };
    };
    responses: {
      /** @description Created */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UserDto'];
        };
      };
      /** @description Invalid request: `details` names each offending field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /**
       * @description Not signed in, or the token is invalid, expired or of an ended session
       *
       *     Not signed in, or the token is invalid, expired or of an ended session
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /**
       * @description Only for: admin
       *
       *     Only for: admin
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Conflicts with the current state */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  GetUserHttpController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UserDto'];
        };
      };
      /** @description Invalid request: `details` names each offending field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /**
       * @description Not signed in, or the token is invalid, expired or of an ended session
       *
       *     Not signed in, or the token is invalid, expired or of an ended session
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /**
       * @description Only for: admin
       *
       *     Only for: admin
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  UpdateUserHttpController_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateUserDto'];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UserDto'];
        };
      };
      /** @description Invalid request: `details` names each offending field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /**
       * @description Not signed in, or the token is invalid, expired or of an ended session
       *
       *     Not signed in, or the token is invalid, expired or of an ended session
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /**
       * @description Only for: admin
       *
       *     Only for: admin
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Conflicts with the current state */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  AlertsHttpController_getRecipients: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AlertRecipientsResponseDto'];
        };
      };
      /**
       * @description Not signed in, or the token is invalid or expired
       *
       *     Not signed in, or the token is invalid, expired or of an ended session
       *
       *     Not signed in, or the token is invalid, expired or of an ended session
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /**
       * @description Signed in, but this role may not do this
       *
       *     Only for: admin
       *
       *     Only for: admin
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description A service is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description A service did not answer in time */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  AlertsHttpController_setRecipients: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['AlertRecipientsDto'];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AlertRecipientsResponseDto'];
        };
      };
      /** @description Invalid request: `details` names each offending field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /**
       * @description Not signed in, or the token is invalid or expired
       *
       *     Not signed in, or the token is invalid, expired or of an ended session
       *
       *     Not signed in, or the token is invalid, expired or of an ended session
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /**
       * @description Signed in, but this role may not do this
       *
       *     Only for: admin
       *
       *     Only for: admin
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description A service is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description A service did not answer in time */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  AlertsHttpController_listEmails: {
    parameters: {
      query?: {
        page?: number;
        pageSize?: number;
        status?: 'sent' | 'failed' | 'retrying' | 'skipped';
        kind?: 'low_stock' | 'out_of_stock' | 'digest' | 'password_reset' | 'welcome';
        /** @description Only the emails caused by this event. */
        eventId?: string;
        /** @description Only attempts at or after this time (ISO 8601). */
        from?: string;
        /** @description Only attempts before this time (ISO 8601). */
        to?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EmailLogPageDto'];
        };
      };
      /** @description Invalid request: `details` names each offending field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /**
       * @description Not signed in, or the token is invalid or expired
       *
       *     Not signed in, or the token is invalid, expired or of an ended session
       *
       *     Not signed in, or the token is invalid, expired or of an ended session
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /**
       * @description Signed in, but this role may not do this
       *
       *     Only for: admin
       *
       *     Only for: admin
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description A service is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description A service did not answer in time */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  AlertsHttpController_getEmail: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EmailLogEntryWithTextDto'];
        };
      };
      /** @description Invalid request: `details` names each offending field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /**
       * @description Not signed in, or the token is invalid or expired
       *
       *     Not signed in, or the token is invalid, expired or of an ended session
       *
       *     Not signed in, or the token is invalid, expired or of an ended session
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /**
       * @description Signed in, but this role may not do this
       *
       *     Only for: admin
       *
       *     Only for: admin
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description A service is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description A service did not answer in time */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  AlertsHttpController_runDigest: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RunDigestDto'];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DigestRunResponseDto'];
        };
      };
      /** @description Invalid request: `details` names each offending field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /**
       * @description Not signed in, or the token is invalid or expired
       *
       *     Not signed in, or the token is invalid, expired or of an ended session
       *
       *     Not signed in, or the token is invalid, expired or of an ended session
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /**
       * @description Signed in, but this role may not do this
       *
       *     Only for: admin
       *
       *     Only for: admin
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description A dependency (S3, SES …) failed */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description A service is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description A service did not answer in time */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  CategoriesHttpController_list: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CategoryDto'][];
        };
      };
      /**
       * @description Not signed in, or the token is invalid or expired
       *
       *     Not signed in, or the token is invalid, expired or of an ended session
       *
       *     Not signed in, or the token is invalid, expired or of an ended session
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description A service is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description A service did not answer in time */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  CategoriesHttpController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateCategoryDto'];
      };
    };
    responses: {
      /** @description Created */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CategoryDto'];
        };
      };
      /** @description Invalid request: `details` names each offending field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /**
       * @description Not signed in, or the token is invalid or expired
       *
       *     Not signed in, or the token is invalid, expired or of an ended session
       *
       *     Not signed in, or the token is invalid, expired or of an ended session
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /**
       * @description Signed in, but this role may not do this
       *
       *     Only for: admin
       *
       *     Only for: admin
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Conflicts with the current state */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Well-formed but not acceptable (e.g. an Idempotency-Key reused with another body) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description A service is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description A service did not answer in time */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  CategoriesHttpController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CategoryDto'];
        };
      };
      /** @description Invalid request: `details` names each offending field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /**
       * @description Not signed in, or the token is invalid or expired
       *
       *     Not signed in, or the token is invalid, expired or of an ended session
       *
       *     Not signed in, or the token is invalid, expired or of an ended session
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description A service is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description A service did not answer in time */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  CategoriesHttpController_delete: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Invalid request: `details` names each offending field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /**
       * @description Not signed in, or the token is invalid or expired
       *
       *     Not signed in, or the token is invalid, expired or of an ended session
       *
       *     Not signed in, or the token is invalid, expired or of an ended session
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /**
       * @description Signed in, but this role may not do this
       *
       *     Only for: admin
       *
       *     Only for: admin
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Conflicts with the current state */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description A service is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description A service did not answer in time */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  CategoriesHttpController_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateCategoryDto'];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CategoryDto'];
        };
      };
      /** @description Invalid request: `details` names each offending field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /**
       * @description Not signed in, or the token is invalid or expired
       *
       *     Not signed in, or the token is invalid, expired or of an ended session
       *
       *     Not signed in, or the token is invalid, expired or of an ended session
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /**
       * @description Signed in, but this role may not do this
       *
       *     Only for: admin
       *
       *     Only for: admin
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Conflicts with the current state */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Well-formed but not acceptable (e.g. an Idempotency-Key reused with another body) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description A service is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description A service did not answer in time */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  ProductsCsvHttpController_export: {
    parameters: {
      query?: {
        /** @description As in GET /products: every word must match name, SKU, MPN or description. */
        search?: string;
        /** @description As in GET /products: exactly this SKU (any case). */
        sku?: string;
        /** @description Products in this category or any of its descendants. */
        categoryId?: string;
        /** @description true: active only; false: archived only; absent: both. */
        active?: boolean;
        /** @description As in GET /products: products at this stock status (the catalog's copy of it, which may trail a movement by a moment). */
        status?: components['schemas']['StockStatus'];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The CSV file */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/csv': string;
        };
      };
      /** @description Invalid request: `details` names each offending field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /**
       * @description Not signed in, or the token is invalid or expired
       *
       *     Not signed in, or the token is invalid, expired or of an ended session
       *
       *     Not signed in, or the token is invalid, expired or of an ended session
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description A service is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description A service did not answer in time */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  ProductsCsvHttpController_import: {
    parameters: {
      query?: {
        /** @description Import the valid rows even when others have errors. Without it, a file with any bad row changes nothing. */
        partial?: boolean;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'text/csv': string;
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ImportResultDto'];
        };
      };
      /** @description Invalid request: `details` names each offending field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /**
       * @description Not signed in, or the token is invalid or expired
       *
       *     Not signed in, or the token is invalid, expired or of an ended session
       *
       *     Not signed in, or the token is invalid, expired or of an ended session
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /**
       * @description Signed in, but this role may not do this
       *
       *     Only for: admin
       *
       *     Only for: admin
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Conflicts with the current state */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The body is larger than this route accepts */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The body is not of a type this route accepts */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Well-formed but not acceptable (e.g. an Idempotency-Key reused with another body) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description A service is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description A service did not answer in time */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  ProductsHttpController_list: {
    parameters: {
      query?: {
        page?: number;
        pageSize?: number;
        /** @description Case-insensitive partial match on name, SKU, manufacturer part number and description; several words must all match. */
        search?: string;
        /** @description Exactly this SKU (any case): at most one product. How a scanned or typed code is looked up. */
        sku?: string;
        /** @description Products in this category or any of its descendants. */
        categoryId?: string;
        /** @description true: active only; false: archived only; absent: both. */
        active?: boolean;
        /** @description Field to sort by; a leading - sorts descending. */
        sort?: components['schemas']['ProductSort'];
        /** @description Products at this stock status: ok above the reorder level, low at or below it, out with nothing on hand (the status each row shows). The catalog keeps a copy of it from stock.status.changed events, so it may trail a movement by a moment. */
        status?: components['schemas']['StockStatus'];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProductWithStockPageDto'];
        };
      };
      /** @description Invalid request: `details` names each offending field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /**
       * @description Not signed in, or the token is invalid or expired
       *
       *     Not signed in, or the token is invalid, expired or of an ended session
       *
       *     Not signed in, or the token is invalid, expired or of an ended session
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description A service is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description A service did not answer in time */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  ProductsHttpController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateProductDto'];
      };
    };
    responses: {
      /** @description Created */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProductWithStockDto'];
        };
      };
      /** @description Invalid request: `details` names each offending field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /**
       * @description Not signed in, or the token is invalid or expired
       *
       *     Not signed in, or the token is invalid, expired or of an ended session
       *
       *     Not signed in, or the token is invalid, expired or of an ended session
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /**
       * @description Signed in, but this role may not do this
       *
       *     Only for: admin
       *
       *     Only for: admin
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Conflicts with the current state */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Well-formed but not acceptable (e.g. an Idempotency-Key reused with another body) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description A service is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description A service did not answer in time */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  ProductsHttpController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProductWithStockDto'];
        };
      };
      /** @description Invalid request: `details` names each offending field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /**
       * @description Not signed in, or the token is invalid or expired
       *
       *     Not signed in, or the token is invalid, expired or of an ended session
       *
       *     Not signed in, or the token is invalid, expired or of an ended session
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description A service is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description A service did not answer in time */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  ProductsHttpController_delete: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Invalid request: `details` names each offending field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /**
       * @description Not signed in, or the token is invalid or expired
       *
       *     Not signed in, or the token is invalid, expired or of an ended session
       *
       *     Not signed in, or the token is invalid, expired or of an ended session
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /**
       * @description Signed in, but this role may not do this
       *
       *     Only for: admin
       *
       *     Only for: admin
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Conflicts with the current state */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description A dependency (S3, SES …) failed */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description A service is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description A service did not answer in time */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  ProductsHttpController_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateProductDto'];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProductWithStockDto'];
        };
      };
      /** @description Invalid request: `details` names each offending field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /**
       * @description Not signed in, or the token is invalid or expired
       *
       *     Not signed in, or the token is invalid, expired or of an ended session
       *
       *     Not signed in, or the token is invalid, expired or of an ended session
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /**
       * @description Signed in, but this role may not do this
       *
       *     Only for: admin
       *
       *     Only for: admin
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Conflicts with the current state */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Well-formed but not acceptable (e.g. an Idempotency-Key reused with another body) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description A service is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description A service did not answer in time */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  ProductsHttpController_archive: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProductWithStockDto'];
        };
      };
      /** @description Invalid request: `details` names each offending field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /**
       * @description Not signed in, or the token is invalid or expired
       *
       *     Not signed in, or the token is invalid, expired or of an ended session
       *
       *     Not signed in, or the token is invalid, expired or of an ended session
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /**
       * @description Signed in, but this role may not do this
       *
       *     Only for: admin
       *
       *     Only for: admin
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description A service is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description A service did not answer in time */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  ProductMediaHttpController_requestUpload: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RequestUploadDto'];
      };
    };
    responses: {
      /** @description Created */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UploadTicketDto'];
        };
      };
      /** @description Invalid request: `details` names each offending field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /**
       * @description Not signed in, or the token is invalid or expired
       *
       *     Not signed in, or the token is invalid, expired or of an ended session
       *
       *     Not signed in, or the token is invalid, expired or of an ended session
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /**
       * @description Signed in, but this role may not do this
       *
       *     Only for: admin
       *
       *     Only for: admin
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description A dependency (S3, SES …) failed */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description A service is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description A service did not answer in time */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  ProductMediaHttpController_complete: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        uploadId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CompleteUploadDto'];
      };
    };
    responses: {
      /** @description Created */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MediaDto'];
        };
      };
      /** @description Invalid request: `details` names each offending field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /**
       * @description Not signed in, or the token is invalid or expired
       *
       *     Not signed in, or the token is invalid, expired or of an ended session
       *
       *     Not signed in, or the token is invalid, expired or of an ended session
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /**
       * @description Signed in, but this role may not do this
       *
       *     Only for: admin
       *
       *     Only for: admin
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Conflicts with the current state */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Well-formed but not acceptable (e.g. an Idempotency-Key reused with another body) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description A dependency (S3, SES …) failed */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description A service is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description A service did not answer in time */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  ProductMediaHttpController_list: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MediaDto'][];
        };
      };
      /** @description Invalid request: `details` names each offending field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /**
       * @description Not signed in, or the token is invalid or expired
       *
       *     Not signed in, or the token is invalid, expired or of an ended session
       *
       *     Not signed in, or the token is invalid, expired or of an ended session
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description A dependency (S3, SES …) failed */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description A service is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description A service did not answer in time */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  ProductMediaHttpController_setPrimary: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        mediaId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MediaDto'];
        };
      };
      /** @description Invalid request: `details` names each offending field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /**
       * @description Not signed in, or the token is invalid or expired
       *
       *     Not signed in, or the token is invalid, expired or of an ended session
       *
       *     Not signed in, or the token is invalid, expired or of an ended session
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /**
       * @description Signed in, but this role may not do this
       *
       *     Only for: admin
       *
       *     Only for: admin
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description A dependency (S3, SES …) failed */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description A service is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description A service did not answer in time */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  ProductMediaHttpController_delete: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        mediaId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Removed */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Invalid request: `details` names each offending field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /**
       * @description Not signed in, or the token is invalid or expired
       *
       *     Not signed in, or the token is invalid, expired or of an ended session
       *
       *     Not signed in, or the token is invalid, expired or of an ended session
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /**
       * @description Signed in, but this role may not do this
       *
       *     Only for: admin
       *
       *     Only for: admin
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description A dependency (S3, SES …) failed */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description A service is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description A service did not answer in time */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  StockHttpController_list: {
    parameters: {
      query?: {
        page?: number;
        pageSize?: number;
        /** @description Only this product */
        productId?: string;
        /** @description Only this kind of movement */
        type?: 'receive' | 'issue' | 'adjust' | 'stocktake';
        /** @description Recorded at or after this instant */
        from?: string;
        /** @description Recorded before this instant */
        to?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MovementWithActorPageDto'];
        };
      };
      /** @description Invalid request: `details` names each offending field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /**
       * @description Not signed in, or the token is invalid or expired
       *
       *     Not signed in, or the token is invalid, expired or of an ended session
       *
       *     Not signed in, or the token is invalid, expired or of an ended session
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description A service is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description A service did not answer in time */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  StockHttpController_record: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes the request safe to retry: same key and body → the original answer, nothing recorded twice; same key, different body → 422. 1 to 200 visible ASCII characters; a UUID is a good choice. */
        'Idempotency-Key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RecordMovementDto'];
      };
    };
    responses: {
      /** @description Recorded (or, for a retried Idempotency-Key, the first answer) */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RecordMovementResultDto'];
        };
      };
      /** @description Invalid request: `details` names each offending field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /**
       * @description Not signed in, or the token is invalid or expired
       *
       *     Not signed in, or the token is invalid, expired or of an ended session
       *
       *     Not signed in, or the token is invalid, expired or of an ended session
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /**
       * @description Signed in, but this role may not do this
       *
       *     Only for: admin, staff
       *
       *     Only for: admin, staff
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Conflicts with the current state */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Well-formed but not acceptable (e.g. an Idempotency-Key reused with another body) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description A service is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description A service did not answer in time */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  StockHttpController_low: {
    parameters: {
      query?: {
        /** @description Only the most urgent this many (all when absent) */
        limit?: number;
        /** @description Only out of stock (nothing on hand, a reorder level set), or only low (at or below the reorder level, some on hand) */
        status?: 'low' | 'out';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['StockLevelDto'][];
        };
      };
      /** @description Invalid request: `details` names each offending field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /**
       * @description Not signed in, or the token is invalid or expired
       *
       *     Not signed in, or the token is invalid, expired or of an ended session
       *
       *     Not signed in, or the token is invalid, expired or of an ended session
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description A service is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description A service did not answer in time */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  StockHttpController_summary: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['StockSummaryDto'];
        };
      };
      /**
       * @description Not signed in, or the token is invalid or expired
       *
       *     Not signed in, or the token is invalid, expired or of an ended session
       *
       *     Not signed in, or the token is invalid, expired or of an ended session
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description A service is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description A service did not answer in time */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  ProductStockHttpController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['StockLevelDto'];
        };
      };
      /** @description Invalid request: `details` names each offending field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /**
       * @description Not signed in, or the token is invalid or expired
       *
       *     Not signed in, or the token is invalid, expired or of an ended session
       *
       *     Not signed in, or the token is invalid, expired or of an ended session
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description A service is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description A service did not answer in time */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  ProductStockHttpController_history: {
    parameters: {
      query?: {
        days?: 30 | 90 | 365;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['StockHistoryDto'];
        };
      };
      /** @description Invalid request: `details` names each offending field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /**
       * @description Not signed in, or the token is invalid or expired
       *
       *     Not signed in, or the token is invalid, expired or of an ended session
       *
       *     Not signed in, or the token is invalid, expired or of an ended session
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description A service is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description A service did not answer in time */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  ProductStockHttpController_setReorderLevel: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SetReorderLevelDto'];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['StockLevelDto'];
        };
      };
      /** @description Invalid request: `details` names each offending field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /**
       * @description Not signed in, or the token is invalid or expired
       *
       *     Not signed in, or the token is invalid, expired or of an ended session
       *
       *     Not signed in, or the token is invalid, expired or of an ended session
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /**
       * @description Signed in, but this role may not do this
       *
       *     Only for: admin
       *
       *     Only for: admin
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description A service is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description A service did not answer in time */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  ListAuditHttpController_list: {
    parameters: {
      query?: {
        entityType?: string;
        entityId?: string;
        actorId?: string;
        /** @description An action, or a prefix of one ending in "." (`product.`). */
        action?: string;
        /** @description Entries at or after this time. */
        from?: string;
        /** @description Entries before this time. */
        to?: string;
        pageSize?: number;
        page?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AuditPageDto'];
        };
      };
      /** @description Invalid request: `details` names each offending field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /**
       * @description Not signed in, or the token is invalid, expired or of an ended session
       *
       *     Not signed in, or the token is invalid, expired or of an ended session
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
}
