import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { ErrorResponseDto } from './error-response.dto';

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid request: `details` names each offending field',
  401: 'Not signed in, or the token is invalid or expired',
  403: 'Signed in, but this role may not do this',
  404: 'Not found',
  409: 'Conflicts with the current state',
  413: 'The body is larger than this route accepts',
  415: 'The body is not of a type this route accepts',
  422: 'Well-formed but not acceptable (e.g. an Idempotency-Key reused with another body)',
  429: 'Too many requests',
  502: 'A dependency (S3, SES …) failed',
  503: 'A service is unavailable',
  504: 'A service did not answer in time',
};

/** Documents the error answers of a route, all in the one error shape. */
export const ApiErrors = (...statuses: number[]) =>
  applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({ status, description: DESCRIPTIONS[status] ?? 'Error', type: ErrorResponseDto }),
    ),
  );
