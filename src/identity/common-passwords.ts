// Passwords of 8+ characters found at the top of public breach lists (ASVS 5.0 6.2.4).
// Shorter ones are already refused by the minimum length.
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  '12345678', '123456789', '1234567890', '12345678910', '123123123', '11111111', '111111111', '00000000',
  '87654321', '987654321', '0987654321', '88888888', '99999999', '12341234', '11223344', '123321123',
  '1q2w3e4r', '1q2w3e4r5t', '1qaz2wsx', 'qwertyuiop', 'qwerty123', 'qwerty1234', 'qwertyui', 'asdfghjkl',
  'zxcvbnm1', 'password', 'password1', 'password12', 'password123', 'password!', 'passw0rd', 'p@ssw0rd',
  'p@ssword', 'pa55word', 'iloveyou', 'iloveyou1', 'princess', 'princess1', 'sunshine', 'football',
  'football1', 'baseball', 'welcome1', 'welcome123', 'abc12345', 'abcd1234', 'abcdefgh', 'aa123456',
  'a1234567', 'admin123', 'admin1234', 'administrator', 'adminadmin', 'letmein1', 'trustno1', 'superman',
  'starwars', 'whatever', 'computer', 'michelle', 'jennifer', 'corvette', 'mercedes', 'liverpool',
  'chelsea1', 'arsenal1', 'charlie1', 'shadow12', 'master12', 'dragon12', 'monkey12', 'qazwsxedc',
  'zaq12wsx', 'changeme', 'changeme1', 'changeit', 'default1', 'secret123', 'test1234', 'testtest',
  'q1w2e3r4', 'q1w2e3r4t5', 'asdf1234', 'zxcv1234', 'lovely12', 'samsung1', 'internet', 'mustang1',
  'access14', 'jordan23', 'hello123', 'blink182', 'michael1', 'jessica1', 'ashley12', 'bailey12',
  'passpass', 'qwerasdf', '1password', 'letmein123', 'welcome2024', 'welcome2025', 'welcome2026',
  'summer2024', 'summer2025', 'summer2026', 'winter2024', 'winter2025', 'winter2026', 'spring2026',
  'autumn2026', 'password2024', 'password2025', 'password2026', 'tollgate', 'tollgate1', 'tollgate123',
]);
