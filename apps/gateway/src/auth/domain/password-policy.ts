export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

/** The rule, as told to people choosing a password. */
export const PASSWORD_RULE =
  `at least ${PASSWORD_MIN_LENGTH} characters, not a commonly used password, ` +
  'and not containing the name part of your email address';

/** The first-admin password the local stack publishes (README, `npm start`'s banner). */
export const LOCAL_STACK_ADMIN_PASSWORD = 'change-me-inventory-admin';

/**
 * Passwords of 12+ characters that people still pick, compared without case. Includes the
 * local stack's published first-admin password, which must never guard a real account.
 */
const WEAK_PASSWORDS = new Set([
  LOCAL_STACK_ADMIN_PASSWORD,
  'changemechangeme',
  'changeme1234',
  'changeme123456',
  'password1234',
  'password12345',
  'password123456',
  'password1234567',
  'password!123',
  'passwordpassword',
  'p@ssword1234',
  'p@ssw0rd1234',
  'passw0rd1234',
  'qwerty123456',
  'qwertyuiop12',
  'qwertyuiopasdf',
  'qwertyuiopasdfgh',
  'qwertyuiop123',
  'asdfghjkl123',
  'asdfghjklqwerty',
  'zxcvbnm12345',
  '1q2w3e4r5t6y',
  '1qaz2wsx3edc',
  'abcdefghijkl',
  'abcd1234abcd',
  'abc123abc123',
  'iloveyou1234',
  'letmein12345',
  'welcome12345',
  'welcome123456',
  'administrator',
  'administrator1',
  'admin1234567',
  'adminadmin123',
  'football1234',
  'baseball1234',
  'sunshine1234',
  'princess1234',
  'trustno1trustno1',
  'correcthorsebatterystaple',
  'inventory123',
  'inventory1234',
  'electronics123',
]);

/** Why a password is refused, or undefined when it follows the rule. */
export function passwordProblem(password: string, email?: string): string | undefined {
  if (password.length < PASSWORD_MIN_LENGTH) {
    return `password is too short: use ${PASSWORD_RULE}`;
  }
  if (password.length > PASSWORD_MAX_LENGTH) {
    return `password must be at most ${PASSWORD_MAX_LENGTH} characters`;
  }
  const lower = password.toLowerCase();
  if (WEAK_PASSWORDS.has(lower) || isTrivialPattern(lower)) {
    return `password is a commonly used one: use ${PASSWORD_RULE}`;
  }
  const name = email?.split('@')[0]?.toLowerCase();
  if (name && name.length >= 3 && lower.includes(name)) {
    return `password contains your email address: use ${PASSWORD_RULE}`;
  }
  return undefined;
}

/** One character repeated, or a short block repeated ("abcabcabcabc", "121212121212"). */
function isTrivialPattern(password: string): boolean {
  for (let size = 1; size <= 4; size++) {
    const block = password.slice(0, size);
    if (block.repeat(Math.ceil(password.length / size)).slice(0, password.length) === password) {
      return true;
    }
  }
  return isSequence(password);
}

/** Consecutive characters counting up or down; digits may wrap ("123456789012"). */
function isSequence(password: string): boolean {
  const codes = [...password].map((c) => c.charCodeAt(0));
  const steps = new Set(codes.slice(1).map((code, i) => code - codes[i]));
  if (steps.size === 1 && [1, -1].includes([...steps][0])) return true;
  const digitsUp = '0123456789'.repeat(4);
  const digitsDown = '9876543210'.repeat(4);
  return /^\d+$/.test(password) && (digitsUp.includes(password) || digitsDown.includes(password));
}
