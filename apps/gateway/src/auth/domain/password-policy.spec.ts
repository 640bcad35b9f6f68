import { PASSWORD_RULE, passwordProblem } from './password-policy';

describe('the password rule', () => {
  it.each(['a long enough secret', 'Tr0ub4dor&3-but-longer', 'kettle vinyl ocean 42'])(
    'accepts %s',
    (password) => {
      expect(passwordProblem(password, 'ada@lab.example')).toBeUndefined();
    },
  );

  it.each([
    ['eleven char', 'too short'],
    ['Password1234', 'commonly used'],
    ['zzzzzzzzzzzzzz', 'commonly used'],
    ['abcabcabcabcabc', 'commonly used'],
    ['abcdefghijklmnop', 'commonly used'],
    ['987654321098', 'commonly used'],
    ['change-me-inventory-admin', 'commonly used'],
    ['my name is ADA.LOVELACE!', 'contains your email address'],
  ])('refuses %s (%s), naming the whole rule', (password, reason) => {
    const problem = passwordProblem(password, 'ada.lovelace@lab.example');
    expect(problem).toContain(reason);
    expect(problem).toContain(PASSWORD_RULE);
  });

  it('ignores a very short email name (it would refuse half of all passwords)', () => {
    expect(passwordProblem('a long enough secret', 'al@lab.example')).toBeUndefined();
  });

  it('caps the length', () => {
    expect(passwordProblem('x'.repeat(300))).toBe('password must be at most 256 characters');
  });
});
