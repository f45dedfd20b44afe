import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/server/config.js';

const load = (env: Record<string, string>) => loadConfig({ NODE_ENV: 'test', ...env }, process.cwd());

function refusal(env: Record<string, string>): ConfigError {
  try {
    load(env);
  } catch (thrown) {
    if (thrown instanceof ConfigError) return thrown;
    throw thrown;
  }
  throw new Error(`accepted ${JSON.stringify(env)}`);
}

describe('DATABASE_URL', () => {
  it('leaves SQLite in DATA_DIR as the default when unset or empty', () => {
    expect(load({}).database).toEqual({ kind: 'sqlite' });
    expect(load({ DATABASE_URL: '' }).database).toEqual({ kind: 'sqlite' });
  });

  it('selects PostgreSQL for postgres:// and postgresql:// addresses, with a pool of 10 unless DATABASE_POOL_SIZE says', () => {
    const url = 'postgres://ward_visits:s3cret@db.example.org:5432/ward_visits?sslmode=verify-full';
    expect(load({ DATABASE_URL: url }).database).toEqual({ kind: 'postgres', url, poolSize: 10 });
    expect(load({ DATABASE_URL: 'postgresql://app@127.0.0.1/visits', DATABASE_POOL_SIZE: '25' }).database).toEqual({
      kind: 'postgres',
      url: 'postgresql://app@127.0.0.1/visits',
      poolSize: 25,
    });
  });

  it('stops start-up naming the variable, and never repeats the password', () => {
    for (const value of ['not a url', 'mysql://app:s3cret@db/visits', 'postgres://app:s3cret@db', 'postgres://app:s3cret@db/visits?sslmode=always', 'sqlite://app:s3cret@x/y']) {
      const error = refusal({ DATABASE_URL: value });
      expect(error.variable, value).toBe('DATABASE_URL');
      expect(error.message, value).not.toContain('s3cret');
    }
  });

  it('refuses a pool size out of range, or one given without DATABASE_URL', () => {
    for (const value of ['0', '101', '1.5', 'ten']) {
      expect(refusal({ DATABASE_URL: 'postgres://app@db/visits', DATABASE_POOL_SIZE: value }).variable).toBe('DATABASE_POOL_SIZE');
    }
    expect(refusal({ DATABASE_POOL_SIZE: '10' }).variable).toBe('DATABASE_POOL_SIZE');
  });
});
