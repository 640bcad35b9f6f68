import { argon2, randomBytes, timingSafeEqual, type Argon2Parameters } from 'node:crypto';
import { promisify } from 'node:util';

const derive = promisify(argon2);

/** argon2id cost: OWASP's recommended minimum (19 MiB, 2 passes, 1 lane), ~30 ms here. */
export const ARGON2_COST = { memory: 19_456, passes: 2, parallelism: 1 } as const;
const SALT_BYTES = 16;
const HASH_BYTES = 32;
const PHC = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/;

/**
 * Passwords hashed with argon2id (Node's own implementation). The stored string is the usual
 * PHC format, `$argon2id$v=19$m=…,t=…,p=…$<salt>$<hash>`: algorithm, cost, salt and hash
 * together, so the cost can be raised later without breaking existing hashes.
 */
export const PasswordHasher = {
  async hash(password: string): Promise<string> {
    const salt = randomBytes(SALT_BYTES);
    const hash = await derive('argon2id', params(password, salt, ARGON2_COST, HASH_BYTES));
    const { memory, passes, parallelism } = ARGON2_COST;
    return `$argon2id$v=19$m=${memory},t=${passes},p=${parallelism}$${b64(salt)}$${b64(hash)}`;
  },

  async verify(stored: string, password: string): Promise<boolean> {
    const match = PHC.exec(stored);
    if (!match) return false;
    const [, memory, passes, parallelism, salt, expected] = match;
    const expectedHash = Buffer.from(expected, 'base64');
    const hash = await derive(
      'argon2id',
      params(
        password,
        Buffer.from(salt, 'base64'),
        { memory: Number(memory), passes: Number(passes), parallelism: Number(parallelism) },
        expectedHash.length,
      ),
    );
    return hash.length === expectedHash.length && timingSafeEqual(hash, expectedHash);
  },
};

function params(
  password: string,
  nonce: Buffer,
  cost: { memory: number; passes: number; parallelism: number },
  tagLength: number,
): Argon2Parameters {
  return { message: Buffer.from(password, 'utf8'), nonce, tagLength, ...cost };
}

const b64 = (bytes: Buffer) => bytes.toString('base64').replace(/=+$/, '');
