import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';

export type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

export interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Runs the stand-in's handler on a request made up here, capturing its answer. */
export async function exchange(
  handler: Handler,
  headers: IncomingMessage['headers'],
  body: string,
): Promise<Answer> {
  const req = Object.assign(Readable.from([Buffer.from(body)]), {
    headers,
  }) as unknown as IncomingMessage;
  const answer: Answer = { status: 200, headers: {}, body: '' };
  const res = {
    set statusCode(code: number) {
      answer.status = code;
    },
    get statusCode() {
      return answer.status;
    },
    setHeader(name: string, value: string) {
      answer.headers[name] = value;
    },
    end(chunk?: string) {
      answer.body = chunk ?? '';
    },
  } as unknown as ServerResponse;
  await handler(req, res);
  return answer;
}

/** The request's whole body as text. */
export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString();
}
