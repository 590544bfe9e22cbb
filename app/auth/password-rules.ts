/** Password rules, shared by the form validation and the server. */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 256;

/** Frequent passwords long enough to pass the length rule, refused outright. */
const COMMON = new Set(
  [
    '123456789012', '1234567890123', '12345678901234', 'qwertyuiopas', 'qwertyuiop123', 'password1234',
    'password12345', 'passwordpassword', 'salasana1234', 'salasana12345', 'salasanasalasana', 'lösenord1234',
    'losenord1234', 'iloveyou1234', 'administrator', 'administrator1', 'letmein12345', 'welcome12345',
    'tervetuloa123', 'tervetuloa1234', 'kesä2024kesä', 'neuvos123456', 'neuvosneuvos', 'aaaaaaaaaaaa',
    'abcdefghijkl', 'abc123abc123', 'qwerty123456', '111111111111', '000000000000', 'changeme1234',
    'suomisuomi12', 'hyvinvointialue', 'hyvinvointi123', 'järjestö1234', 'sommar123456',
  ].map((p) => p.toLowerCase()),
);

export type PasswordProblem = 'too_short' | 'too_long' | 'too_common';

/** Length 12–256 and not a common password; no composition rules, no forced rotation. */
export function checkPasswordStrength(password: string, email?: string): PasswordProblem | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN) return 'too_short';
  if (length > PASSWORD_MAX) return 'too_long';
  const lower = password.toLowerCase();
  if (COMMON.has(lower) || new Set(lower).size <= 2) return 'too_common';
  if (email && lower === email.toLowerCase()) return 'too_common';
  return null;
}

