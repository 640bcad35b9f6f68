import { ValidateBy, type ValidationOptions } from 'class-validator';

/**
 * What a one-line field (a name, a SKU, a reference) may not hold: line breaks and every
 * other control character (C0, DEL, C1), and the Unicode line and paragraph separators.
 * Such text ends up in email subjects, CSV cells and log lines, where a line break is
 * structure, not content.
 */
const NOT_ONE_LINE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/** Whether a text is one line (see `IsSingleLine`). */
export const isSingleLine = (value: string) => !NOT_ONE_LINE.test(value);

/**
 * A text field that is one line: no line breaks, tabs or other control characters. Every
 * text field is one line unless it is meant to hold paragraphs (descriptions, reasons).
 * Values that are not text are left for `IsString` to refuse.
 */
export const IsSingleLine = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isSingleLine',
      validator: {
        validate: (value) => typeof value !== 'string' || isSingleLine(value),
        defaultMessage: (args) =>
          `${args?.property ?? 'the field'} must be one line: no line breaks, tabs or other control characters`,
      },
    },
    options,
  );
