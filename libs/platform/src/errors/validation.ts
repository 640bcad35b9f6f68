import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';
import type { ErrorDetail } from '@inventory/contracts';
import { rememberValidationRules } from './validation-rules-cache';

/** Flattens class-validator's tree into `{ field: 'items[0].quantity', message }` entries. */
export function validationDetails(errors: ValidationError[], parent = ''): ErrorDetail[] {
  return errors.flatMap((error) => {
    const field = parent
      ? /^\d+$/.test(error.property)
        ? `${parent}[${error.property}]`
        : `${parent}.${error.property}`
      : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...validationDetails(error.children ?? [], field)];
  });
}

/** Fields named in the message of one 400, and entries in its `details`. */
export const MAX_FIELDS_NAMED = 5;
export const MAX_DETAILS = 10;

/**
 * The 400 for bad input: the message names the offending fields, `details` says what is
 * wrong with each. Both are capped, so a body with thousands of bad fields gets a short
 * answer, not a copy of itself.
 */
export function invalidRequest(details: ErrorDetail[]): BadRequestException {
  const fields = [...new Set(details.map((d) => d.field))];
  const named = fields.slice(0, MAX_FIELDS_NAMED).join(', ');
  const more = fields.length - MAX_FIELDS_NAMED;
  return new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    message: `Invalid request: ${named}${more > 0 ? ` and ${more} more` : ''}`,
    details: details.slice(0, MAX_DETAILS),
  });
}

export function validationException(errors: ValidationError[]): BadRequestException {
  return invalidRequest(validationDetails(errors));
}

/**
 * The one validation behaviour of every app: unknown fields are refused (not silently
 * dropped), values are converted to their declared types, every offending field is named.
 * Each class's rules are looked up once (`rememberValidationRules`), not on every request.
 */
export function createValidationPipe(): ValidationPipe {
  rememberValidationRules();
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    stopAtFirstError: false,
    exceptionFactory: validationException,
  });
}
