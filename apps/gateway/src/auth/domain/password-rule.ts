import { InvalidInputError } from '@inventory/platform';
import { passwordProblem } from './password-policy';

/** Refuses (400, naming the field) a password that breaks the rule. */
export function assertStrongPassword(field: string, password: string, email?: string): void {
  const problem = passwordProblem(password, email);
  if (problem) {
    throw new InvalidInputError(`Invalid request: ${field}`, [
      { field, message: problem.replace(/^password/, field) },
    ]);
  }
}
