import { sesEvents } from './app';
import { composeSesEvents } from './root';

export const handler = sesEvents(await composeSesEvents(process.env));
