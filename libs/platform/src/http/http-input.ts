import { UnsupportedMediaTypeException } from '@nestjs/common';
import { errorCodes, type FastifyInstance, type FastifyRequest } from 'fastify';
import { invalidRequest } from '../errors/validation';
import { INPUT_LIMITS, type InputLimits, inputProblems, jsonShapeProblem } from './input-rules';

export interface HttpInputOptions {
  /** Largest JSON body, in bytes. */
  bodyLimit: number;
  limits?: InputLimits;
}

/**
 * The input rules every route of an HTTP app gets, before any route code, guard or pipe
 * sees the request (docs/adr/0009-hostile-input-at-the-http-edge.md):
 *
 * - a body is JSON (`application/json`) or nothing: no form posts, no `text/plain` (415);
 *   a route that takes another type registers its own parser for it;
 * - `Content-Encoding` other than identity is refused (415): the body is never inflated;
 * - a JSON body is measured before it is parsed (depth, fields per object, items per
 *   array, values in all) in one linear pass, so no body within the size limit can hold
 *   the event loop; then parsed, then checked for reserved field names (`constructor`,
 *   `__proto__` …) and text no field takes (NUL and other control characters, unpaired
 *   surrogates);
 * - the query string and path parameters are checked the same way.
 *
 * Every refusal is a 400 naming at most a few fields, in the one error shape.
 */
export function installHttpInputRules(fastify: FastifyInstance, options: HttpInputOptions): void {
  const limits = options.limits ?? INPUT_LIMITS;
  const { FST_ERR_CTP_EMPTY_JSON_BODY, FST_ERR_CTP_INVALID_JSON_BODY } = errorCodes;

  fastify.removeContentTypeParser('text/plain');
  fastify.addContentTypeParser(
    'application/json',
    { parseAs: 'buffer', bodyLimit: options.bodyLimit },
    (_request, body, done) => {
      // A UTF-8 byte order mark is not part of the JSON text.
      const raw = body as Buffer;
      const bytes = raw[0] === 0xef && raw[1] === 0xbb && raw[2] === 0xbf ? raw.subarray(3) : raw;
      if (bytes.length === 0) return done(new FST_ERR_CTP_EMPTY_JSON_BODY(), undefined);
      // Measured on the bytes: a body refused here is never decoded into a string.
      const shape = jsonShapeProblem(bytes, limits);
      if (shape) return done(invalidRequest([shape]), undefined);
      let value: unknown;
      try {
        value = JSON.parse(bytes.toString('utf8'));
      } catch {
        return done(new FST_ERR_CTP_INVALID_JSON_BODY(), undefined);
      }
      const problems = inputProblems(value, limits);
      if (problems.length > 0) return done(invalidRequest(problems), undefined);
      done(null, value);
    },
  );

  fastify.addHook('onRequest', (request, _reply, done) => {
    const encoding = contentEncoding(request);
    if (encoding) {
      return done(
        new UnsupportedMediaTypeException(
          `Content-Encoding "${encoding.slice(0, 40)}" is not accepted: send the body uncompressed`,
        ),
      );
    }
    done();
  });

  fastify.addHook('preValidation', (request, _reply, done) => {
    const problems = [
      ...inputProblems(request.query, limits),
      ...inputProblems(request.params, limits),
    ];
    if (problems.length > 0) return done(invalidRequest(problems));
    done();
  });
}

/** A Content-Encoding that would need decoding, or undefined for none / identity. */
function contentEncoding(request: FastifyRequest): string | undefined {
  const header = request.headers['content-encoding'];
  if (header === undefined) return undefined;
  const value = (Array.isArray(header) ? header.join(',') : header).trim();
  return value === '' || value.toLowerCase() === 'identity' ? undefined : value;
}
