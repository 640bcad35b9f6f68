import { MovementIntent } from './movement-intent';

describe('MovementIntent: one Idempotency-Key per intended movement', () => {
  const keys = () => {
    let n = 0;
    return () => `key-${++n}`;
  };
  const issue5 = { productId: 'p', type: 'issue', quantity: 5 };

  it('reuses the key while the same movement is retried', () => {
    const intent = new MovementIntent(keys());
    expect(intent.keyFor(issue5)).toBe('key-1');
    expect(intent.keyFor({ ...issue5 })).toBe('key-1');
  });

  it('takes a new key when what is sent changes, or after the movement settled', () => {
    const intent = new MovementIntent(keys());
    expect(intent.keyFor(issue5)).toBe('key-1');
    expect(intent.keyFor({ ...issue5, quantity: 6 })).toBe('key-2');
    intent.settled();
    expect(intent.keyFor({ ...issue5, quantity: 6 })).toBe('key-3');
  });

  it('makes UUIDs by default', () => {
    expect(new MovementIntent().keyFor(issue5)).toMatch(/^[0-9a-f-]{36}$/);
  });
});
