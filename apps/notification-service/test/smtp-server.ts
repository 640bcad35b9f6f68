import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { freePort } from '@inventory/local-stack';

/** One message the SMTP server accepted. */
export interface ReceivedMail {
  from: string;
  to: string[];
  /** The raw message (headers and MIME body). */
  raw: string;
  /** The id the server gave it in its 250 reply. */
  queueId: string;
  user: string | undefined;
  /** Whether the session was encrypted (STARTTLS) when the message was sent. */
  secure: boolean;
}

/**
 * A real SMTP server (the `smtp-server` package) on a free port of 127.0.0.1: STARTTLS with a
 * certificate made for this run (its CA file is `caFile`), PLAIN/LOGIN authentication for one
 * user, and mail refused before it is read. `replies` scripts the answers to DATA: each
 * message takes the next code (a 4xx or 5xx refuses it, 250 accepts it); once the list is
 * empty every message is accepted.
 */
export interface TestSmtpServer {
  port: number;
  caFile: string;
  user: string;
  password: string;
  received: ReceivedMail[];
  /** Every DATA attempt, accepted or not. */
  attempts: number;
  replies: number[];
  url(): string;
  /** Takes the server away (connections are then refused) and brings it back, same port. */
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

export async function startSmtpServer(): Promise<TestSmtpServer> {
  const dir = mkdtempSync(join(tmpdir(), 'smtp-test-'));
  const keyFile = join(dir, 'key.pem');
  const caFile = join(dir, 'cert.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      keyFile,
      '-out',
      caFile,
      '-days',
      '1',
      '-subj',
      '/CN=localhost',
      '-addext',
      'subjectAltName=DNS:localhost,IP:127.0.0.1',
    ],
    { stdio: 'ignore' },
  );
  const port = await freePort();
  let counter = 0;
  const smtp: TestSmtpServer = {
    port,
    caFile,
    user: 'inventory',
    password: 'p@ss word/1',
    received: [],
    attempts: 0,
    replies: [],
    url: () => `smtp://${smtp.user}:${encodeURIComponent(smtp.password)}@localhost:${smtp.port}`,
    stop: async () => undefined,
    start: async () => undefined,
    close: async () => undefined,
  };
  const options: SMTPServerOptions = {
    key: readFileSync(keyFile),
    cert: readFileSync(caFile),
    authMethods: ['PLAIN', 'LOGIN'],
    // Like a submission server: no mail before STARTTLS and AUTH.
    allowInsecureAuth: false,
    authOptional: false,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === smtp.user && auth.password === smtp.password) {
        callback(null, { user: auth.username });
      } else {
        callback(Object.assign(new Error('Authentication failed'), { responseCode: 535 }));
      }
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        smtp.attempts++;
        const code = smtp.replies.shift() ?? 250;
        if (code !== 250) {
          const text = code < 500 ? 'Try again later: mailbox busy' : 'Mailbox unavailable';
          callback(Object.assign(new Error(text), { responseCode: code }));
          return;
        }
        const queueId = `TEST${++counter}`;
        smtp.received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          raw: Buffer.concat(chunks).toString(),
          queueId,
          user: session.user as string | undefined,
          secure: session.secure,
        });
        callback(null, `Ok: queued as ${queueId}`);
      });
    },
  };
  let server: SMTPServer | undefined;
  smtp.start = async () => {
    const starting = new SMTPServer(options);
    await new Promise<void>((resolve) => starting.listen(port, '127.0.0.1', resolve));
    server = starting;
  };
  smtp.stop = async () => {
    const stopping = server;
    server = undefined;
    if (stopping) await new Promise<void>((resolve) => stopping.close(() => resolve()));
  };
  smtp.close = async () => {
    await smtp.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  await smtp.start();
  return smtp;
}
