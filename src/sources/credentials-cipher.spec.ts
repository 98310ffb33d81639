import { CredentialsCipher, isMaskedSecret, maskSecret } from './credentials-cipher.js';

const SECRET = 'unit-test-secret-unit-test-secret-0123456789';

describe(CredentialsCipher.name, () => {
  const cipher = new CredentialsCipher(SECRET);

  it('should round-trip credentials for the same source', () => {
    const stored = cipher.encrypt('a', { accessToken: 'token-1234567890' });
    expect(stored).not.toContain('token-1234567890');
    expect(cipher.decrypt('a', stored)).toEqual({ accessToken: 'token-1234567890' });
  });

  it('should refuse a ciphertext moved to another source', () => {
    const stored = cipher.encrypt('a', { accessToken: 'token-1234567890' });
    expect(() => cipher.decrypt('b', stored)).toThrow();
  });

  it('should refuse a ciphertext under another deployment secret', () => {
    const stored = cipher.encrypt('a', { accessToken: 'token-1234567890' });
    expect(() => new CredentialsCipher(`${SECRET}-other`).decrypt('a', stored)).toThrow();
  });

  it('should store nothing for no credentials', () => {
    expect(cipher.encrypt('a', {})).toBeNull();
    expect(cipher.decrypt('a', null)).toEqual({});
  });

  it('should mask secrets, keeping at most the last four characters of long ones', () => {
    expect(maskSecret('abcdefghijkl1234')).toBe('••••1234');
    expect(maskSecret('short')).toBe('••••');
    expect(isMaskedSecret(maskSecret('short'))).toBe(true);
    expect(isMaskedSecret('plain')).toBe(false);
  });
});
