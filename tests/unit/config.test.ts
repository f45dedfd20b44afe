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

/** The variable a bad value stopped start-up for, or null if it loaded. */
function refusedVariable(env: Record<string, string>): string | null {
  try {
    load(env);
    return null;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return error.variable;
  }
}

describe('PUBLIC_URL', () => {
  it('is an origin, https in production unless it is this machine', () => {
    expect(load({}).publicUrl).toBeNull();
    expect(load({ PUBLIC_URL: 'https://visits.example.org/' }).publicUrl).toBe('https://visits.example.org');
    expect(load({ NODE_ENV: 'production', PUBLIC_URL: 'https://visits.example.org:8443' }).publicUrl).toBe('https://visits.example.org:8443');
    expect(load({ NODE_ENV: 'production', PUBLIC_URL: 'http://127.0.0.1:3000' }).publicUrl).toBe('http://127.0.0.1:3000');
    for (const value of ['visits.example.org', 'https://visits.example.org/admin', 'ftp://visits.example.org', 'https://visits.example.org?x=1', 'javascript:alert(1)']) {
      expect(refusedVariable({ PUBLIC_URL: value }), value).toBe('PUBLIC_URL');
    }
    expect(refusedVariable({ NODE_ENV: 'production', PUBLIC_URL: 'http://visits.example.org' })).toBe('PUBLIC_URL');
  });
});

describe('AUDIT_RETENTION_DAYS', () => {
  it('is a year unless set, from 1 to 3650 days', () => {
    expect(load({}).auditRetentionMs).toBe(365 * 86_400_000);
    expect(load({ AUDIT_RETENTION_DAYS: '30' }).auditRetentionMs).toBe(30 * 86_400_000);
    for (const value of ['0', '3651', 'a year', '1.5']) expect(refusedVariable({ AUDIT_RETENTION_DAYS: value }), value).toBe('AUDIT_RETENTION_DAYS');
  });
});
