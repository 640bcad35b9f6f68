import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { ApiProblem } from '../api/problem';

/**
 * Puts each of the API's `details` entries (400/422) on the form field it names. Returns true
 * when at least one landed on a field of this form (the form then says it itself).
 */
export function applyFieldErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: readonly Path<T>[],
): boolean {
  if (!(error instanceof ApiProblem) || !error.body?.details) return false;
  let placed = false;
  for (const detail of error.body.details) {
    const field = fields.find((name) => name === detail.field);
    if (field) {
      setError(field, { type: 'server', message: detail.message });
      placed = true;
    }
  }
  return placed;
}
