import { randomUUID } from 'node:crypto';
import { createServer, request as forward, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Stands between the service and the SES emulator, and answers SendRawEmail with SES's own throttling error
 * ("Maximum sending rate exceeded") while told to, so that tests see the pipeline back off, retry and never send
 * twice. Everything else goes through untouched. `inFront` is the local runtime's `sesInFront` option.
 */
export function throttlingSes() {
  let throttling = () => false;
  let server: Server | undefined;
  const counts = { throttled: 0, forwarded: 0 };
  const handler = (upstream: string) =>
    createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk) => chunks.push(chunk));
      req.on('end', () => {
        const body = Buffer.concat(chunks);
        const isSend = body.toString('utf8').includes('Action=SendRawEmail');
        if (isSend && throttling()) {
          counts.throttled++;
          res.writeHead(400, { 'content-type': 'text/xml' });
          res.end(
            `<ErrorResponse xmlns="http://ses.amazonaws.com/doc/2010-12-01/"><Error><Type>Sender</Type><Code>Throttling</Code><Message>Maximum sending rate exceeded.</Message></Error><RequestId>${randomUUID()}</RequestId></ErrorResponse>`,
          );
          return;
        }
        if (isSend) counts.forwarded++;
        const target = new URL(req.url ?? '/', upstream);
        const out = forward(target, { method: req.method, headers: req.headers }, (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        });
        out.end(body);
      });
    });
  return {
    counts,
    throttle: (on: boolean) => {
      throttling = () => on;
    },
    /** Once `emails` more went through, throttles the next `calls` sends: a burst past the account's rate. */
    throttleBurst: (emails: number, calls: number) => {
      const from = counts.forwarded + emails;
      const until = counts.throttled + calls;
      throttling = () => counts.forwarded >= from && counts.throttled < until;
    },
    inFront: async (upstream: string): Promise<string> => {
      const started = handler(upstream);
      server = started;
      await new Promise<void>((resolve) => started.listen(0, '127.0.0.1', () => resolve()));
      return `http://127.0.0.1:${(started.address() as AddressInfo).port}`;
    },
    close: () =>
      new Promise<void>((resolve) => {
        if (!server) return resolve();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
