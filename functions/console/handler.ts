import { consoleFunction } from './app';
import { composeConsole } from './root';

export const handler = consoleFunction(await composeConsole(process.env));
