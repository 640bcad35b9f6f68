import { ARGON2_COST, PasswordHasher } from './password-hasher';

describe('PasswordHasher (argon2id)', () => {
  it('stores algorithm, cost, salt and hash together, and verifies the password', async () => {
    const stored = await PasswordHasher.hash('correct horse battery');
    expect(stored).toMatch(
      new RegExp(
        `^\\$argon2id\\$v=19\\$m=${ARGON2_COST.memory},t=${ARGON2_COST.passes},p=${ARGON2_COST.parallelism}\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}$`,
      ),
    );
    expect(await PasswordHasher.verify(stored, 'correct horse battery')).toBe(true);
    expect(await PasswordHasher.verify(stored, 'correct horse batterY')).toBe(false);
  });

  it('salts: the same password hashes differently each time', async () => {
    const [a, b] = await Promise.all([PasswordHasher.hash('same'), PasswordHasher.hash('same')]);
    expect(a).not.toBe(b);
  });

  it('verifies with the cost stored in the hash, so older hashes keep working', async () => {
    const stored = await PasswordHasher.hash('older one');
    const [, , , , salt] = stored.split('$');
    const { argon2Sync } = await import('node:crypto');
    const cheap = argon2Sync('argon2id', {
      message: Buffer.from('older one'),
      nonce: Buffer.from(salt, 'base64'),
      memory: 8192,
      passes: 1,
      parallelism: 1,
      tagLength: 32,
    });
    const old = `$argon2id$v=19$m=8192,t=1,p=1$${salt}$${cheap.toString('base64').replace(/=+$/, '')}`;
    expect(old).not.toBe(stored);
    expect(await PasswordHasher.verify(old, 'older one')).toBe(true);
  });

  it('refuses anything that is not an argon2id hash it understands', async () => {
    expect(await PasswordHasher.verify('', 'x')).toBe(false);
    expect(await PasswordHasher.verify('$2b$10$abcdefghijklmnopqrstuv', 'x')).toBe(false);
  });
});
