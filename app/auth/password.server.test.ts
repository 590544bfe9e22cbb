import { describe, expect, it } from 'vitest';
import { checkPasswordStrength, hashPassword, verifyPassword } from './password.server';

describe('passwords', () => {
  it('needs 12 to 256 characters', () => {
    expect(checkPasswordStrength('lyhyt')).toBe('too_short');
    expect(checkPasswordStrength('x'.repeat(257))).toBe('too_long');
    expect(checkPasswordStrength('Korppi lentää yli järven')).toBeNull();
  });
  it('refuses common passwords and the email itself', () => {
    expect(checkPasswordStrength('Salasana1234')).toBe('too_common');
    expect(checkPasswordStrength('aaaaaaaaaaaaaaa')).toBe('too_common');
    expect(checkPasswordStrength('maija@example.org', 'maija@example.org')).toBe('too_common');
  });
  it('hashes with argon2id and verifies', async () => {
    const h = await hashPassword('Korppi lentää yli järven');
    expect(h.startsWith('$argon2id$')).toBe(true);
    expect(await verifyPassword(h, 'Korppi lentää yli järven')).toBe(true);
    expect(await verifyPassword(h, 'väärä salasana tässä')).toBe(false);
    expect(await verifyPassword(null, 'mikä tahansa')).toBe(false);
  });
});
