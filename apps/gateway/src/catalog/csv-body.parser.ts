import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { GatewayConfig } from '../gateway.config';

export const CSV_CONTENT_TYPES = ['text/csv', 'application/csv'];

/**
 * Lets routes receive `text/csv` bodies as text, up to CSV_IMPORT_MAX_BYTES (larger bodies
 * get 413 before any of it is kept). JSON routes keep the general BODY_LIMIT_BYTES.
 */
@Injectable()
export class CsvBodyParser implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly config: GatewayConfig,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify?.addContentTypeParser) return;
    for (const type of CSV_CONTENT_TYPES) {
      if (fastify.hasContentTypeParser(type)) continue;
      fastify.addContentTypeParser(
        type,
        { parseAs: 'string', bodyLimit: this.config.CSV_IMPORT_MAX_BYTES },
        (_request, body, done) => done(null, body),
      );
    }
  }
}
