import { generatePassword, passwordProblem } from './password-policy.js';

describe('passwordProblem', () => {
  it('should refuse passwords shorter than 10 characters', () => {
    expect(passwordProblem('pendek123', 'budi')).toBe('Kata sandi minimal 10 karakter');
  });

  it('should refuse a password equal to the username, ignoring case', () => {
    expect(passwordProblem('Operator.Kominfo', 'operator.kominfo')).toBe(
      'Kata sandi tidak boleh sama dengan nama pengguna',
    );
  });

  it.each([
    '1234567890',
    'aaaaaaaaaa',
    '          ',
    'password123',
    'qwertyuiop',
    'samarinda123',
    'indonesia2024',
    'p@ssw0rd123',
  ])('should refuse the common or low-entropy password %j, saying why in Indonesian', (password) => {
    expect(passwordProblem(password, 'budi')).toMatch(/^Kata sandi terlalu mudah ditebak/);
  });

  it('should refuse a password built from the username', () => {
    expect(passwordProblem('siti.rahayu2024', 'siti.rahayu')).toMatch(/^Kata sandi terlalu mudah ditebak/);
  });

  it('should accept a long password different from the username', () => {
    expect(passwordProblem('kopi-tubruk-pagi-hari', 'budi')).toBeNull();
  });
});

describe('generatePassword', () => {
  it('should produce distinct passwords that satisfy the policy', () => {
    const passwords = new Set(Array.from({ length: 50 }, () => generatePassword()));
    expect(passwords.size).toBe(50);
    for (const password of passwords) {
      expect(password).toMatch(/^[A-HJ-NP-Za-km-z2-9]{20}$/);
    }
    for (const password of [...passwords].slice(0, 10)) {
      expect(passwordProblem(password, 'admin')).toBeNull();
    }
  });
});
