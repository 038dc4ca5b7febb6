import { describe, expect, it } from 'vitest';
import { terminalTelemetry } from '#local/terminal-telemetry';

describe('the local terminal’s log lines', () => {
  it('show warnings and errors only, labelled, at LOG_LEVEL=warn, and every line at the default', () => {
    for (const [level, expected] of [
      ['warn', ['[public-api] WARN slow store', '[public-api] ERROR store gone']],
      [
        undefined,
        [
          '[public-api] registration received',
          '[public-api] WARN slow store',
          '[public-api] ERROR store gone',
        ],
      ],
    ] as const) {
      const lines: string[] = [];
      const { log } = terminalTelemetry((line) => lines.push(line), level).forFunction('public-api');
      log('registration received');
      log.warn('slow store');
      log.error('store gone');
      expect(lines).toEqual(expected);
    }
  });
});
