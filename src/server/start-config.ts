import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig, type Config } from './config.js';

/** dist/node/server/*.js → the project root, so DATA_DIR and dist/ui resolve the same from anywhere. */
export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** The configuration from the environment, or a plain message and exit code 1: for the server and the commands alike. */
export function readConfigOrExit(): Config {
  try {
    return loadConfig(process.env, projectRoot);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`Cannot start: ${error.message}\n`);
    process.exit(1);
  }
}
