import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/server/config.js';
import { clientAddress } from '../../src/server/security/proxy-trust.js';

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

describe('TRUST_PROXY', () => {
  it('trusts no proxy unless set, even in production', () => {
    expect(load({}).trustProxy).toBeNull();
    expect(load({ TRUST_PROXY: '' }).trustProxy).toBeNull();
    expect(load({ NODE_ENV: 'production' }).trustProxy).toBeNull();
  });

  it('is a number of hops, or proxy addresses and ranges', () => {
    expect(load({ TRUST_PROXY: '1' }).trustProxy).toEqual({ hops: 1 });
    expect(load({ TRUST_PROXY: '5' }).trustProxy).toEqual({ hops: 5 });
    expect(load({ TRUST_PROXY: '10.0.0.5' }).trustProxy).toEqual({ addresses: ['10.0.0.5'] });
    expect(load({ TRUST_PROXY: '10.0.0.5, 10.1.0.0/16,loopback' }).trustProxy).toEqual({ addresses: ['10.0.0.5', '10.1.0.0/16', 'loopback'] });
    expect(load({ TRUST_PROXY: '2001:db8::1,fd00::/8' }).trustProxy).toEqual({ addresses: ['2001:db8::1', 'fd00::/8'] });
  });

  it('stops start-up naming the variable for anything else, "trust everyone" included', () => {
    for (const value of ['0', '6', '-1', 'true', '*', 'all', '1.5', '10', '10.0.0.5,', '10.0.0.0/33', '10.0.0.0/x', '10.0.0.0/8/8', 'proxy.example.org', '999.1.1.1']) {
      expect(refusedVariable({ TRUST_PROXY: value }), value).toBe('TRUST_PROXY');
    }
  });
});

describe('the client address TRUST_PROXY gives', () => {
  const address = (trustProxy: string, peer: string, forwardedFor?: string | string[]) => clientAddress(peer, forwardedFor, load({ TRUST_PROXY: trustProxy }).trustProxy);

  it('is the peer itself without it, whatever X-Forwarded-For says', () => {
    expect(address('', '198.51.100.1', '203.0.113.9')).toBe('198.51.100.1');
  });

  it('is the entry the trusted hops appended, counted from the right', () => {
    expect(address('1', '127.0.0.1', '6.6.6.6, 203.0.113.9')).toBe('203.0.113.9');
    expect(address('2', '127.0.0.1', '6.6.6.6, 203.0.113.9, 10.0.0.5')).toBe('203.0.113.9');
    // Repeated headers count as one list, in order.
    expect(address('1', '127.0.0.1', ['6.6.6.6', '203.0.113.9'])).toBe('203.0.113.9');
    // A proxy that sent no header: the peer is all there is.
    expect(address('1', '127.0.0.1')).toBe('127.0.0.1');
  });

  it('walks past listed proxies only, and ignores the header from any other peer', () => {
    expect(address('127.0.0.1,10.1.0.0/16', '127.0.0.1', '6.6.6.6, 203.0.113.9, 10.1.2.3')).toBe('203.0.113.9');
    expect(address('loopback', '::ffff:127.0.0.1', '203.0.113.9')).toBe('203.0.113.9');
    expect(address('10.0.0.5', '198.51.100.1', '203.0.113.9')).toBe('198.51.100.1');
  });
});

describe('MAX_CONNECTIONS_PER_ADDRESS', () => {
  it('is 500 unless set, from 1 to 100000', () => {
    expect(load({}).maxConnectionsPerAddress).toBe(500);
    expect(load({ MAX_CONNECTIONS_PER_ADDRESS: '' }).maxConnectionsPerAddress).toBe(500);
    expect(load({ MAX_CONNECTIONS_PER_ADDRESS: '1' }).maxConnectionsPerAddress).toBe(1);
    expect(load({ MAX_CONNECTIONS_PER_ADDRESS: '2000' }).maxConnectionsPerAddress).toBe(2000);
    for (const value of ['0', '-5', '1.5', 'abc', '100001', ' 50']) {
      expect(refusedVariable({ MAX_CONNECTIONS_PER_ADDRESS: value }), value).toBe('MAX_CONNECTIONS_PER_ADDRESS');
    }
  });
});
