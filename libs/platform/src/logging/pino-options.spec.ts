import pino from 'pino';
import { pinoOptions } from './pino-options';
import { redactSecretsInText } from './redact-text';
import { serializeError } from './serialize-error';

/** A pino logger with the platform's options, writing into an array. */
function capture() {
  const lines: string[] = [];
  const logger = pino(
    pinoOptions({ LOG_LEVEL: 'info', SERVICE_INSTANCE: 'unit-1' }, { service: 'unit' }),
    {
      write: (line: string) => void lines.push(line),
    },
  );
  return { logger, lines, last: () => JSON.parse(lines[lines.length - 1]) };
}

describe('redaction in log lines', () => {
  it('removes secrets by key at every usual depth, keeping the rest', () => {
    const { logger, last } = capture();
    logger.info({
      password: 'p1',
      user: { id: 'u1', currentPassword: 'p2', profile: { token: 't1' } },
      req: {
        headers: { authorization: 'Bearer a', cookie: 'c', 'x-api-key': 'k', accept: 'json' },
      },
      res: { headers: { 'set-cookie': 's' } },
      body: { refreshToken: 'r', secretAccessKey: 'x' },
    });
    const line = last();
    expect(line.password).toBe('[REDACTED]');
    expect(line.user).toEqual({
      id: 'u1',
      currentPassword: '[REDACTED]',
      profile: { token: '[REDACTED]' },
    });
    expect(line.req.headers).toEqual({
      authorization: '[REDACTED]',
      cookie: '[REDACTED]',
      'x-api-key': '[REDACTED]',
      accept: 'json',
    });
    expect(line.res.headers['set-cookie']).toBe('[REDACTED]');
    expect(line.body).toEqual({ refreshToken: '[REDACTED]', secretAccessKey: '[REDACTED]' });
  });

  it('removes presigned-URL signatures, credentials and session tokens from any string', () => {
    const url =
      'https://b.s3.amazonaws.com/k.jpg?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIA123%2F20261124%2Fus-east-1%2Fs3%2Faws4_request' +
      '&X-Amz-Date=20261124T000000Z&X-Amz-Expires=300&X-Amz-Security-Token=IQoJb3JpZ2lu&X-Amz-Signature=abcdef0123&X-Amz-SignedHeaders=host';
    const { logger, last } = capture();
    logger.info({ media: { downloadUrl: url }, links: [url] }, `fetching ${url} now`);
    const line = last();
    for (const text of [line.media.downloadUrl, line.links[0], line.msg]) {
      expect(text).toContain('X-Amz-Credential=[REDACTED]&X-Amz-Date=20261124T000000Z');
      expect(text).toContain(
        'X-Amz-Security-Token=[REDACTED]&X-Amz-Signature=[REDACTED]&X-Amz-SignedHeaders=host',
      );
      expect(text).not.toMatch(/AKIA123|IQoJb3JpZ2lu|abcdef0123/);
    }
  });

  it.each([
    ['a reset link', 'GET /reset?token=abc123&email=x', 'GET /reset?token=[REDACTED]&email=x'],
    [
      'an encoded redirect',
      'next=%2Fget%3FX-Amz-Signature%3Dfeed%26a%3Db',
      'next=%2Fget%3FX-Amz-Signature%3D[REDACTED]%26a%3Db',
    ],
    [
      'a bearer token',
      'sent Authorization: Bearer eyJhbGciOi.J9.x_y',
      'sent Authorization: Bearer [REDACTED]',
    ],
    [
      'a SigV4 header',
      'Credential=AKIA1/2026/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=9f8e',
      'Credential=[REDACTED], SignedHeaders=host, Signature=[REDACTED]',
    ],
    [
      'a database URL',
      'cannot reach postgres://app:hunter2@db:5432/x',
      'cannot reach postgres://app:****@db:5432/x',
    ],
    [
      'query parameters logged as an object',
      '{"X-Amz-Signature":"feed","a":"b"}',
      '{"X-Amz-Signature":"[REDACTED]","a":"b"}',
    ],
  ])('removes %s', (_what, text, expected) => {
    expect(redactSecretsInText(text)).toBe(expected);
  });

  it('leaves ordinary lines untouched, the same string', () => {
    const line = '{"level":"info","event":"stock.movement","url":"/api/v1/stock?page=2&sort=name"}';
    expect(redactSecretsInText(line)).toBe(line);
  });
});

describe('errors in log lines', () => {
  it('keep their whole cause chain, with each cause’s own fields and stack', () => {
    const root = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    const error = new Error('could not record the movement', {
      cause: new Error('query failed', { cause: root }),
    });
    const { logger, last } = capture();
    logger.error({ err: error }, 'failed');
    const { err } = last();
    expect(err).toMatchObject({
      type: 'Error',
      message: 'could not record the movement',
      cause: {
        message: 'query failed',
        cause: { message: 'connect ECONNREFUSED', code: 'ECONNREFUSED' },
      },
    });
    expect(err.cause.cause.stack).toContain('connect ECONNREFUSED');
  });

  it('keep a cause that is not an Error, and stop at a cycle', () => {
    const a = new Error('a', { cause: { status: 503 } });
    expect(serializeError(a)).toMatchObject({ message: 'a', cause: { status: 503 } });
    const b = new Error('b');
    const c = new Error('c', { cause: b });
    (b as { cause?: unknown }).cause = c;
    expect(serializeError(c)).toMatchObject({
      message: 'c',
      cause: { message: 'b', cause: '[circular]' },
    });
  });

  it('keep the errors of an AggregateError', () => {
    const error = new AggregateError([new Error('one'), new Error('two')], 'both failed');
    expect(serializeError(error)).toMatchObject({
      type: 'AggregateError',
      errors: [{ message: 'one' }, { message: 'two' }],
    });
  });
});
