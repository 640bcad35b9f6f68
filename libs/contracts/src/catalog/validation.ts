import { Transform } from 'class-transformer';
import { ValidateBy, type ValidationOptions } from 'class-validator';
import { isSingleLine } from '../text';

/**
 * Exact decimal amounts travel as strings ("12.50"), never as JSON numbers: a float cannot
 * hold 0.1 exactly. Up to 12 integer digits and 4 decimals (component prices such as
 * 0.0023 per resistor).
 */
export const DECIMAL_PATTERN = /^\d{1,12}(\.\d{1,4})?$/;

/**
 * Trims a decimal string and drops leading zeros ("007.50" → "7.50"); trailing decimals are
 * kept as given. Non-strings are left for the validators to refuse.
 */
export const DecimalString = () =>
  Transform(({ value }) => {
    if (typeof value !== 'string') return value;
    const trimmed = value.trim();
    return DECIMAL_PATTERN.test(trimmed) ? trimmed.replace(/^0+(?=\d)/, '') : trimmed;
  });

/** SKUs after normalisation: upper case letters, digits and . _ / - (e.g. MCU-ESP-32). */
export const SKU_PATTERN = /^[A-Z0-9][A-Z0-9._/-]*$/;
export const SKU_MAX_LENGTH = 64;
export const PRODUCT_NAME_MAX_LENGTH = 300;

/** Trims strings; leaves anything else for the validators to refuse. */
export const Trim = () =>
  Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

/** Trims; an empty string becomes null (clears an optional text field). */
export const TrimToNull = () =>
  Transform(({ value }) => {
    if (typeof value !== 'string') return value;
    const trimmed = value.trim();
    return trimmed === '' ? null : trimmed;
  });

/** SKUs are case-insensitive: stored and compared in upper case. */
export const NormaliseSku = () =>
  Transform(({ value }) => (typeof value === 'string' ? value.trim().toUpperCase() : value));

/** `true`/`false` from a query string or a JSON boolean; anything else stays for IsBoolean to refuse. */
export const BooleanFromString = () =>
  Transform(({ value }) => {
    if (typeof value !== 'string') return value;
    const normalised = value.trim().toLowerCase();
    if (normalised === 'true') return true;
    if (normalised === 'false') return false;
    return value;
  });

export const PARAMETERS_MAX_KEYS = 50;
export const PARAMETER_KEY_MAX_LENGTH = 64;
export const PARAMETER_VALUE_MAX_LENGTH = 200;

/** A product's free-form technical parameters: a flat map of name → text, number or boolean. */
export type ProductParameters = Record<string, string | number | boolean>;

export function parameterMapProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return 'must be an object of name → text, number or boolean';
  }
  const entries = Object.entries(value);
  if (entries.length > PARAMETERS_MAX_KEYS)
    return `may hold at most ${PARAMETERS_MAX_KEYS} entries`;
  for (const [key, item] of entries) {
    if (key.trim() === '' || key.length > PARAMETER_KEY_MAX_LENGTH) {
      return `names must be 1 to ${PARAMETER_KEY_MAX_LENGTH} characters`;
    }
    if (!isSingleLine(key)) {
      return 'names must be one line: no line breaks, tabs or other control characters';
    }
    if (typeof item === 'string') {
      if (item.length > PARAMETER_VALUE_MAX_LENGTH) {
        return `"${key}" is longer than ${PARAMETER_VALUE_MAX_LENGTH} characters`;
      }
      if (!isSingleLine(item)) {
        return `"${key}" must be one line: no line breaks, tabs or other control characters`;
      }
    } else if (typeof item === 'number') {
      if (!Number.isFinite(item)) return `"${key}" must be a finite number`;
    } else if (typeof item !== 'boolean') {
      return `"${key}" must be text, a number or a boolean`;
    }
  }
  return null;
}

export const IsParameterMap = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isParameterMap',
      validator: {
        validate: (value) => parameterMapProblem(value) === null,
        defaultMessage: (args) =>
          `${args?.property ?? 'parameters'} ${parameterMapProblem(args?.value) ?? 'is invalid'}`,
      },
    },
    options,
  );
