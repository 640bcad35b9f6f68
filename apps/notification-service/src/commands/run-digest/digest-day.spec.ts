import { dayIn } from './digest-day';

describe('dayIn', () => {
  it('decides "today" in the digest time zone', () => {
    const lateEveningUtc = new Date('2026-11-24T23:30:00Z');
    expect(dayIn('UTC', lateEveningUtc)).toBe('2026-11-24');
    expect(dayIn('Europe/Berlin', lateEveningUtc)).toBe('2026-11-25');
    expect(dayIn('America/Los_Angeles', new Date('2026-11-25T03:00:00Z'))).toBe('2026-11-24');
  });
});
