/**
 * `npm run bench:email`: only the movement → low-stock email part of `npm run bench`, with
 * its stages. Needs DATABASE_URL (a Postgres server for the throwaway database).
 */
import { coldLine, movementToEmail } from './movement-email';

const say = (line = '') => process.stdout.write(`${line}\n`);

describe('movement → email', () => {
  it('prints the latency and its stages', async () => {
    const e2e = await movementToEmail();
    say(
      `movement → low-stock email accepted by SES at ${e2e.rate.toFixed(0)} movements/s (${e2e.emails} emails): p50 ${e2e.p50.toFixed(0)} ms, p99 ${e2e.p99.toFixed(0)} ms (goal p99 ≤ 250 ms)`,
    );
    say(coldLine(e2e));
    say(e2e.stages);
    say(e2e.cpu);
    say(e2e.sqsRequests);
  });
});
