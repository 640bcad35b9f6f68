/**
 * The HTTP load generator of `bench:movements`, in a process of its own so that its CPU is
 * measured apart from the stack's (which hosts the stand-ins in the bench's process).
 *
 * The bench forks this file and sends one `HttpLoadRequest`; it answers `{ edge }` when the
 * measured window opens and closes (the bench reads every process's CPU then) and the
 * `LoadResult` at the end, then exits.
 */
import { randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';
import { runLoad } from './load';

export interface HttpLoadRequest {
  label: string;
  clients: number;
  seconds: number;
  warmupSeconds: number;
  /** The API root of each gateway (`http://host:port/api/v1`); requests take turns. */
  apis: string[];
  token: string | null;
  /** Issues of 1 go to these products in turn. */
  productIds: string[];
}

export type HttpLoadMessage =
  { edge: 'start' | 'end' } | { result: Awaited<ReturnType<typeof runLoad>> } | { error: string };

function httpIssue(api: string, token: string | null, clients: number) {
  const agent = new Agent({ keepAlive: true, maxSockets: clients });
  const { hostname, port, pathname } = new URL(api);
  const host = hostname === 'localhost' ? '127.0.0.1' : hostname;
  return (productId: string) =>
    new Promise<void>((resolve, reject) => {
      const body = JSON.stringify({ productId, type: 'issue', quantity: 1 });
      const req = request(
        {
          agent,
          host,
          port,
          method: 'POST',
          path: `${pathname}/stock/movements`,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            'idempotency-key': randomUUID(),
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          },
        },
        (res) => {
          res.resume();
          res.on('end', () =>
            res.statusCode === 201 ? resolve() : reject(new Error(`HTTP ${res.statusCode}`)),
          );
        },
      );
      req.on('error', reject);
      req.end(body);
    });
}

async function serve(job: HttpLoadRequest): Promise<void> {
  const send = (message: HttpLoadMessage) =>
    new Promise<void>((resolve) => process.send!(message, () => resolve()));
  const issues = job.apis.map((api) => httpIssue(api, job.token, job.clients));
  let next = 0;
  let turn = 0;
  const issue = (productId: string) => issues[turn++ % issues.length](productId);
  const result = await runLoad({
    label: job.label,
    clients: job.clients,
    seconds: job.seconds,
    warmupSeconds: job.warmupSeconds,
    operation: () => issue(job.productIds[next++ % job.productIds.length]),
    onWindow: (edge) => void send({ edge }),
  });
  await send({ result });
}

if (require.main === module && process.send) {
  process.once('message', (job: HttpLoadRequest) => {
    serve(job)
      .catch(
        (error: Error) =>
          new Promise((resolve) =>
            process.send!({ error: error.stack ?? error.message }, () => resolve(undefined)),
          ),
      )
      .finally(() => process.disconnect());
  });
}
