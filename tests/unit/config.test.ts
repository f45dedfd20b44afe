import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/server/config.js';

const load = (env: Record<string, string>) => loadConfig({ NODE_ENV: 'test', ...env }, process.cwd());

describe('CALL_GRACE_SECONDS', () => {
  it('is two minutes unless set', () => {
    expect(load({}).callGraceMs).toBe(120_000);
    expect(load({ CALL_GRACE_SECONDS: '' }).callGraceMs).toBe(120_000);
    expect(load({ CALL_GRACE_SECONDS: '1' }).callGraceMs).toBe(1000);
    expect(load({ CALL_GRACE_SECONDS: '3600' }).callGraceMs).toBe(3_600_000);
  });

  it('stops start-up naming the variable when it is not a whole number of seconds from 1 to 3600', () => {
    for (const value of ['abc', '0', '-5', '1.5', '3601', ' 60', '1e3']) {
      const error = (() => {
        try {
          load({ CALL_GRACE_SECONDS: value });
        } catch (thrown) {
          return thrown;
        }
      })();
      expect(error, value).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).variable).toBe('CALL_GRACE_SECONDS');
      expect((error as ConfigError).message).toContain(`"${value}"`);
    }
  });
});

describe('RETENTION_HOURS', () => {
  it('is 24 hours unless set', () => {
    expect(load({}).retentionMs).toBe(24 * 3_600_000);
    expect(load({ RETENTION_HOURS: '' }).retentionMs).toBe(24 * 3_600_000);
    expect(load({ RETENTION_HOURS: '1' }).retentionMs).toBe(3_600_000);
    expect(load({ RETENTION_HOURS: '24' }).retentionMs).toBe(24 * 3_600_000);
  });

  it('stops start-up naming the variable when it is not a whole number of hours from 1 to 24', () => {
    for (const value of ['abc', '0', '-1', '1.5', '25', '72', ' 12', '1e1']) {
      const error = (() => {
        try {
          load({ RETENTION_HOURS: value });
        } catch (thrown) {
          return thrown;
        }
      })();
      expect(error, value).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).variable).toBe('RETENTION_HOURS');
      expect((error as ConfigError).message).toContain(`"${value}"`);
    }
  });
});
