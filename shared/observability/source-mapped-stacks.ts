import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { fileURLToPath } from 'node:url';

/**
 * Stack traces that name the source files (`shared/services/registration.ts:42:7`) rather than the one-line bundle
 * (`index.mjs:1:803412`), read from the source map beside the bundle the first time a stack trace is written.
 * Node's `--enable-source-maps` does the same but reads and indexes the map at every cold start, whether anything
 * fails or not: 50 to 70 ms of CPU (`npm run bench:cold-start`, docs/benchmarks.md).
 *
 * Where no map lies beside the code (tsx, vitest), nothing is installed: their stacks already name the sources.
 */
export function sourceMappedStacks(): void {
  // In AWS this module is part of the function's one-file bundle, so its URL is the bundle's.
  const bundle = import.meta.url;
  const mapFile = `${fileURLToPath(bundle)}.map`;
  if (!existsSync(mapFile)) return;
  let map: SourceMap | undefined;
  const sourceMap = (): SourceMap => {
    map ??= new SourceMap(JSON.parse(readFileSync(mapFile, 'utf8')));
    return map;
  };
  Error.prepareStackTrace = (error, frames) => {
    const lines = frames.map((frame) => {
      const text = frame.toString();
      const [line, column] = [frame.getLineNumber(), frame.getColumnNumber()];
      if (frame.getFileName() !== bundle || line === null || column === null) return `    at ${text}`;
      const entry = sourceMap().findEntry(line - 1, column - 1);
      if (!('originalSource' in entry)) return `    at ${text}`;
      const source = `${sourcePath(entry.originalSource)}:${entry.originalLine + 1}:${entry.originalColumn + 1}`;
      return `    at ${text.replace(`${bundle}:${line}:${column}`, source)}`;
    });
    return [headline(error), ...lines].join('\n');
  };
}

/** As V8 writes it: `TypeError: x is not a function`. */
function headline(error: unknown): string {
  try {
    return Error.prototype.toString.call(error);
  } catch {
    return '<error>';
  }
}

/**
 * The map names each source relative to where the bundle was built (`../../shared/api/router.ts`): from the
 * project's root, or a package's folder, is what a reader can look up.
 */
const sourcePath = (source: string): string => source.replace(/^(\.\.\/)+/, '');
