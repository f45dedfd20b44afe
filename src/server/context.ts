import type { Config } from './config.js';
import type { Db } from './store/database.js';

/** What every route and socket handler may use. The clock is injected so tests can move time. */
export interface AppContext {
  config: Config;
  db: Db;
  now: () => Date;
}
