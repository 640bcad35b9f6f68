/**
 * One Idempotency-Key per intended movement. The key stays the same while the user retries
 * the same movement (after a network error or a timeout, whether or not the first request
 * reached the server), so the gateway records it once. Changing what is sent, or a recorded
 * movement, starts a new intent with a new key.
 */
export class MovementIntent {
  private current: { key: string; body: string } | null = null;

  constructor(private readonly newKey: () => string = () => crypto.randomUUID()) {}

  /** The key for sending `body` now. */
  keyFor(body: unknown): string {
    const serialised = JSON.stringify(body);
    if (!this.current || this.current.body !== serialised) {
      this.current = { key: this.newKey(), body: serialised };
    }
    return this.current.key;
  }

  /** The movement was recorded (or refused for good): the next one is a new intent. */
  settled(): void {
    this.current = null;
  }
}
