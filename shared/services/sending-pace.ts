import { setTimeout as sleep } from 'node:timers/promises';
import PQueue from 'p-queue';

/**
 * The pace of one invocation's SES calls: at most `rate` a second, `concurrency` in flight.
 *
 * The account's rate is one for every round, while each invocation paces only itself. So the sending function runs
 * one invocation at a time (reserved concurrency 1 in AWS, one firing at a time locally): rounds that fire together
 * wait in Lambda's queue for their turn, nothing lost. What is left is the moment one invocation hands over to the
 * next: `handOver` lets the time its last calls take at the rate pass first, so that the next one's first second
 * does not land on its last.
 */
export function sendingPace(rate: number, concurrency: number) {
  const queue = new PQueue({ concurrency, intervalCap: rate, interval: 1000 });
  // The second the latest calls went in, as p-queue counts them, and how many.
  let secondStart = Number.NEGATIVE_INFINITY;
  let inSecond = 0;
  return {
    add<T>(call: () => Promise<T>): Promise<T> {
      return queue.add(
        () => {
          const now = Date.now();
          if (now - secondStart >= 1000) {
            secondStart = now;
            inSecond = 0;
          }
          inSecond++;
          return call();
        },
        { throwOnTimeout: true },
      );
    },

    async handOver(): Promise<void> {
      const wait = secondStart + (1000 * inSecond) / rate - Date.now();
      if (wait > 0) await sleep(wait);
    },
  };
}
