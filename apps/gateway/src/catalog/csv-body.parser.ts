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
 * passed: the body reaches the route unread, as a stream, for `readCsvParts`.
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
 * Reads a CSV body handed over unread (see `AcceptsCsvBody`) as text in parts of at most
 * `partChars` characters (never cutting a surrogate pair), refusing it with 413 as soon as
 * it passes `maxBytes`. The body is decoded chunk by chunk as it arrives (`CsvDecoder`), so
 * even a 64 MB file never holds the event loop for one long decode.
 */
export async function readCsvParts(
  body: unknown,
  headers: { 'content-type'?: string; 'content-length'?: string },
  maxBytes: number,
  partChars: number,
): Promise<string[]> {
  const tooLarge = () =>
    new PayloadTooLargeException(
      `The CSV file is too large: at most ${maxBytes.toLocaleString('en-US')} bytes are accepted (CSV_IMPORT_MAX_BYTES)`,
    );
  if (Number(headers['content-length'] ?? 0) > maxBytes) throw tooLarge();
  const chunks: AsyncIterable<Buffer> | Iterable<Buffer> =
    typeof body === 'string'
      ? [Buffer.from(body, 'utf8')]
      : Buffer.isBuffer(body)
        ? [body]
        : isReadable(body)
          ? body
          : (() => {
              throw new UnsupportedMediaTypeException(
                'Send the file as the request body with Content-Type: text/csv',
              );
            })();
  const decoder = new CsvDecoder(headers['content-type'] ?? '');
  const parts: string[] = [];
  let pending = '';
  const take = (text: string) => {
    pending += text;
    while (pending.length >= partChars) {
      let cut = partChars;
      const last = pending.charCodeAt(cut - 1);
      if (last >= 0xd800 && last <= 0xdbff) cut--;
      parts.push(pending.slice(0, cut));
      pending = pending.slice(cut);
    }
  };
  let total = 0;
  for await (const chunk of chunks) {
    total += chunk.length;
    if (total > maxBytes) {
      if (isReadable(body)) body.destroy();
      throw tooLarge();
    }
    take(decoder.write(chunk));
  }
  take(decoder.end());
  if (pending.length > 0) parts.push(pending);
  return parts;
}

/** A whole CSV file's bytes as text (see `CsvDecoder`). */
export function decodeCsv(bytes: Buffer, contentType: string): string {
  const decoder = new CsvDecoder(contentType);
  return decoder.write(bytes) + decoder.end();
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

/** Bytes looked at before deciding the encoding (a mark, or NUL bytes of UTF-16). */
const HEAD_BYTES = 4096;

/**
 * A CSV file's bytes as text, fed chunk by chunk. A byte order mark decides the encoding
 * (UTF-8, UTF-16 LE/BE); else the `charset` of the Content-Type (any encoding the WHATWG
 * Encoding Standard names, such as windows-1252 or iso-8859-1); else it must be UTF-8.
 * Bytes that are not valid in the encoding, an unknown charset, or NUL bytes in a file
 * said to be UTF-8 (UTF-16 without a mark) are refused with 415 saying what to do, rather
 * than imported as garbled text.
 */
export class CsvDecoder {
  private head: Buffer[] = [];
  private headBytes = 0;
  private decoder?: TextDecoder;
  private encoding = 'utf-8';
  private lines = 1;

  constructor(private readonly contentType: string) {}

  write(chunk: Buffer): string {
    if (!this.decoder) {
      this.head.push(chunk);
      this.headBytes += chunk.length;
      if (this.headBytes < HEAD_BYTES) return '';
      return this.start();
    }
    return this.decode(chunk, true);
  }

  end(): string {
    const text = this.decoder ? '' : this.start();
    return text + this.decode(Buffer.alloc(0), false);
  }

  /** Decides the encoding from the first bytes, then decodes them. */
  private start(): string {
    const bytes = Buffer.concat(this.head, this.headBytes);
    this.head = [];
    const mark = BYTE_ORDER_MARKS.find((m) => m.bytes.every((byte, i) => bytes[i] === byte));
    const charset = charsetOf(this.contentType);
    try {
      this.decoder = new TextDecoder(mark?.encoding ?? charset ?? 'utf-8', {
        fatal: true,
        ignoreBOM: true,
      });
    } catch {
      throw new UnsupportedMediaTypeException(
        `Unknown charset "${String(charset).slice(0, 40)}" in the Content-Type: ${SAVE_AS_UTF8}`,
      );
    }
    this.encoding = this.decoder.encoding;
    const content = mark ? bytes.subarray(mark.bytes.length) : bytes;
    if (this.encoding === 'utf-8' && !mark && content.subarray(0, HEAD_BYTES).includes(0)) {
      throw new UnsupportedMediaTypeException(
        `The file holds NUL bytes, so it is not UTF-8 text (UTF-16 without a byte order mark?): ${SAVE_AS_UTF8}`,
      );
    }
    return this.decode(content, true);
  }

  private decode(bytes: Buffer, stream: boolean): string {
    let text: string;
    try {
      text = this.decoder!.decode(bytes, { stream });
    } catch {
      const partial = new TextDecoder(this.encoding).decode(bytes);
      const before = partial.slice(0, Math.max(0, partial.indexOf('\ufffd')));
      const line = this.lines + (before.match(/\n/g)?.length ?? 0);
      throw new UnsupportedMediaTypeException(
        this.encoding === 'utf-8'
          ? `The file is not valid UTF-8 (first at line ${line}): ${SAVE_AS_UTF8}`
          : `The file is not valid ${this.encoding} text (first at line ${line}): ${SAVE_AS_UTF8}`,
      );
    }
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) this.lines++;
    return text;
  }
}

function charsetOf(contentType: string): string | undefined {
  const match = /;\s*charset\s*=\s*("?)([^";\s]+)\1/i.exec(contentType);
  return match?.[2].toLowerCase();
}
