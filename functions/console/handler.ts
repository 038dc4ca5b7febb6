import { consoleFunction } from './app';
import { composeConsole } from './root';

export const handler = consoleFunction(composeConsole(process.env));
