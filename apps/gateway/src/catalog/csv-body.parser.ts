import { isUtf8 } from 'node:buffer';
import { TextDecoder } from 'node:util';
import type { Readable } from 'node:stream';
import {
  applyDecorators,
  Injectable,
  type OnModuleInit,
  PayloadTooLargeException,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiConsumes } from '@nestjs/swagger';
import type { FastifyInstance } from 'fastify';

export const CSV_CONTENT_TYPES = ['text/csv', 'application/csv'];

/** Fastify route config flag of a route that takes a CSV file as its body. */
const CSV_BODY = 'csvBody';

/**
 * Marks a route that takes a CSV file as its body. Only such routes accept `text/csv`
 * (every other one answers 415 at once), and even they do not read it before their guards
 * passed: the body reaches the route unread, as a stream, for `readCsvBody`.
 */
export const AcceptsCsvBody = () =>
  applyDecorators(RouteConfig({ [CSV_BODY]: true }), ApiConsumes('text/csv'));

/**
 * Registers the `text/csv` content type: on routes marked `AcceptsCsvBody` the body is
 * handed to the route unread; anywhere else it is refused (415) without reading a byte.
 */
@Injectable()
export class CsvBodyParser implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify?.addContentTypeParser) return;
    for (const type of CSV_CONTENT_TYPES) {
      if (fastify.hasContentTypeParser(type)) continue;
      fastify.addContentTypeParser(type, (request, payload, done) => {
        const config = request.routeOptions.config as unknown as
          Record<string, unknown> | undefined;
        if (config?.[CSV_BODY] !== true) {
          return done(
            new UnsupportedMediaTypeException(
              'Unsupported Content-Type: this route takes application/json',
            ),
            undefined,
          );
        }
        done(null, payload);
      });
    }
  }
}

/**
 * Reads a CSV body handed over unread (see `AcceptsCsvBody`), refusing it with 413 as soon
 * as it passes `maxBytes`, and decodes it to text (`decodeCsv`).
 */
export async function readCsvBody(
  body: unknown,
  headers: { 'content-type'?: string; 'content-length'?: string },
  maxBytes: number,
): Promise<string> {
  const tooLarge = () =>
    new PayloadTooLargeException(
      `The CSV file is too large: at most ${maxBytes.toLocaleString('en-US')} bytes are accepted (CSV_IMPORT_MAX_BYTES)`,
    );
  if (Number(headers['content-length'] ?? 0) > maxBytes) throw tooLarge();
  let bytes: Buffer;
  if (typeof body === 'string') bytes = Buffer.from(body, 'utf8');
  else if (Buffer.isBuffer(body)) bytes = body;
  else if (isReadable(body)) {
    const chunks: Buffer[] = [];
    let total = 0;
    for await (const chunk of body) {
      total += (chunk as Buffer).length;
      if (total > maxBytes) {
        body.destroy();
        throw tooLarge();
      }
      chunks.push(chunk as Buffer);
    }
    bytes = Buffer.concat(chunks, total);
  } else {
    throw new UnsupportedMediaTypeException(
      'Send the file as the request body with Content-Type: text/csv',
    );
  }
  if (bytes.length > maxBytes) throw tooLarge();
  return decodeCsv(bytes, headers['content-type'] ?? '');
}

const isReadable = (value: unknown): value is Readable =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Readable)[Symbol.asyncIterator] === 'function';

/** Encodings whose byte order mark starts a file, with the decoder label for each. */
const BYTE_ORDER_MARKS: { bytes: number[]; encoding: string }[] = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
];

const SAVE_AS_UTF8 =
  'save it as UTF-8 ("CSV UTF-8" in spreadsheet programs) or name its encoding, e.g. Content-Type: text/csv; charset=windows-1252';

/**
 * A CSV file's bytes as text. A byte order mark decides the encoding (UTF-8, UTF-16 LE/BE);
 * else the `charset` of the Content-Type (any encoding the WHATWG Encoding Standard names,
 * such as windows-1252 or iso-8859-1); else it must be UTF-8. Bytes that are not valid in
 * the encoding, an unknown charset, or NUL bytes in a file said to be UTF-8 (UTF-16 without
 * a mark) are refused with 415 saying what to do, rather than imported as garbled text.
 */
export function decodeCsv(bytes: Buffer, contentType: string): string {
  const mark = BYTE_ORDER_MARKS.find((m) => m.bytes.every((byte, i) => bytes[i] === byte));
  const charset = charsetOf(contentType);
  let encoding = mark?.encoding ?? charset ?? 'utf-8';
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(encoding, { fatal: true });
    encoding = decoder.encoding;
  } catch {
    throw new UnsupportedMediaTypeException(
      `Unknown charset "${String(charset).slice(0, 40)}" in the Content-Type: ${SAVE_AS_UTF8}`,
    );
  }
  const content = mark ? bytes.subarray(mark.bytes.length) : bytes;
  if (encoding === 'utf-8') {
    if (!mark && content.subarray(0, 4096).includes(0)) {
      throw new UnsupportedMediaTypeException(
        `The file holds NUL bytes, so it is not UTF-8 text (UTF-16 without a byte order mark?): ${SAVE_AS_UTF8}`,
      );
    }
    if (!isUtf8(content)) {
      const text = content.toString('utf8');
      const line = text.slice(0, text.indexOf('\ufffd')).split('\n').length;
      throw new UnsupportedMediaTypeException(
        `The file is not valid UTF-8 (first at line ${line}): ${SAVE_AS_UTF8}`,
      );
    }
    return content.toString('utf8');
  }
  try {
    return decoder.decode(content);
  } catch {
    throw new UnsupportedMediaTypeException(
      `The file is not valid ${encoding} text: ${SAVE_AS_UTF8}`,
    );
  }
}

function charsetOf(contentType: string): string | undefined {
  const match = /;\s*charset\s*=\s*("?)([^";\s]+)\1/i.exec(contentType);
  return match?.[2].toLowerCase();
}
