import { describe, expect, it } from 'vitest';
import { generatePin, pinTooEasy } from '../../src/server/admin/ward-pins.js';
import { normaliseRecoveryCode } from '../../src/server/admin/second-factor.js';
import { hashPassword, verifyPassword } from '../../src/server/security/password-hash.js';
import { passwordProblem } from '../../src/server/security/password-rules.js';
import { newTotpSecret, otpauthUri, totpStep } from '../../src/server/security/totp.js';
import { totpCode } from '../helpers/admin.js';

const EMAIL = 'jo.bloggs@trust.example';

describe('admin passwords', () => {
  it.each([
    ['short one', /at least 12 characters/],
    ['Password2024!', /too common/],
    ['P@ssw0rd1234', /too common/],
    ['123456789012', /too easy/],
    ['aaaaaaaaaaaa', /too easy/],
    ['qwertyuiopas', /too easy/],
    ['welcome12345', /too common/],
    ['passwordpassword', /too common/],
    ['JoBloggs2026!', /must not contain your email/],
  ])('refuses %s', (password, reason) => {
    expect(passwordProblem(password, EMAIL)).toMatch(reason);
  });

  it.each(['correct horse battery staple', 'tulip-kettle-orbit', 'Ward7 has 3 windows'])('accepts %s', (password) => {
    expect(passwordProblem(password, EMAIL)).toBeNull();
  });

  it('are hashed with argon2id and their own salt, and verified only by the right password', async () => {
    const hash = await hashPassword('correct horse battery staple');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await hashPassword('correct horse battery staple')).not.toBe(hash);
    expect(await verifyPassword('correct horse battery staple', hash)).toBe(true);
    expect(await verifyPassword('correct horse battery stapler', hash)).toBe(false);
    expect(await verifyPassword('anything', null)).toBe(false);
    expect(await verifyPassword('anything', 'not a hash')).toBe(false);
  });
});

describe('ward PINs', () => {
  it.each(['000000', '123456', '654321', '890123', '99999999'])('calls %s too easy', (pin) => expect(pinTooEasy(pin)).toBe(true));
  it.each(['204816', '13572468', '112233'])('accepts %s', (pin) => expect(pinTooEasy(pin)).toBe(false));
  it('makes up 8 digits that are not too easy', () => {
    for (let i = 0; i < 50; i++) expect(generatePin()).toMatch(/^\d{8}$/);
    expect(new Set(Array.from({ length: 50 }, generatePin)).size).toBe(50);
  });
});

describe('the authenticator app', () => {
  const secret = newTotpSecret();
  const at = new Date('2026-11-20T09:00:10Z');

  it('has a 160-bit secret and an otpauth address apps read', () => {
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(otpauthUri(secret, EMAIL)).toMatch(/^otpauth:\/\/totp\/Ward%20virtual%20visits:jo\.bloggs%40trust\.example\?issuer=Ward%20virtual%20visits&secret=[A-Z2-7]{32}&algorithm=SHA1&digits=6&period=30$/);
  });

  it('accepts the code of now and of one step either side, as steps that can be used once', () => {
    const step = totpStep(secret, totpCode(secret, at), at);
    expect(step).toBe(Math.floor(at.getTime() / 30_000));
    expect(totpStep(secret, totpCode(secret, new Date(at.getTime() - 30_000)), at)).toBe(step! - 1);
    expect(totpStep(secret, totpCode(secret, new Date(at.getTime() + 30_000)), at)).toBe(step! + 1);
    expect(totpStep(secret, totpCode(secret, new Date(at.getTime() + 90_000)), at)).toBeNull();
    expect(totpStep(secret, '12345', at)).toBeNull();
    expect(totpStep(secret, 'abcdef', at)).toBeNull();
  });

  it('reads a recovery code however it is typed', () => {
    expect(normaliseRecoveryCode(' abcde-fghjk ')).toBe('ABCDEFGHJK');
  });
});
