import { connect, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy in front of a local component, which a test cuts and restores: while cut it does not listen (new
 * connections are refused) and the connections it held are dropped mid-request, as when the network to a store
 * fails for a moment. A transport fault: the component and the service's code are left as they are.
 * `inFront` is the local runtime's `dynamoInFront` option.
 */
export function cuttableProxy() {
  let server: Server | undefined;
  let port = 0;
  let upstream: URL | undefined;
  const held = new Set<Socket>();

  const pipe = (client: Socket) => {
    const target = upstream as URL;
    const up = connect(Number(target.port), target.hostname);
    for (const socket of [client, up]) {
      held.add(socket);
      socket.on('close', () => held.delete(socket));
      // A dropped connection is the fault itself; either end's error ends both.
      socket.on('error', () => {
        client.destroy();
        up.destroy();
      });
    }
    client.pipe(up);
    up.pipe(client);
  };

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const started = createServer(pipe);
      started.once('error', reject);
      // The same port again after a cut: the service's client keeps the endpoint it was given.
      started.listen(port, '127.0.0.1', () => {
        port = (started.address() as { port: number }).port;
        server = started;
        resolve();
      });
    });

  const stop = () =>
    new Promise<void>((resolve) => {
      const running = server;
      server = undefined;
      for (const socket of held) socket.destroy();
      if (!running) return resolve();
      running.close(() => resolve());
    });

  return {
    inFront: async (endpoint: string): Promise<string> => {
      upstream = new URL(endpoint);
      await listen();
      return `http://127.0.0.1:${port}`;
    },
    /** The store becomes unreachable: open connections dropped, new ones refused. */
    cut: stop,
    restore: () => listen(),
    close: stop,
  };
}
