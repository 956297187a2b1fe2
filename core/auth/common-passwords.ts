/**
 * Passwords of 10 or more characters that turn up first in leaked-password lists, including the
 * ones common among Chinese users. Shorter ones are refused by length already. Compared in lower
 * case after NFKC normalisation.
 */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  '1234567890', '0123456789', '12345678910', '123456789a', 'a123456789', '1234567890a', 'a1234567890',
  '123456789abc', 'abc1234567', 'abcd123456', 'abcd1234567', 'abc123456789', '1111111111', '0000000000',
  '8888888888', '6666666666', '5201314520', '1314520520', '5201314000', 'woaini1314', 'woaini520520',
  'iloveyou12', 'iloveyou123', 'iloveyou1314', 'qwertyuiop', 'qwertyuiop123', '1qaz2wsx3edc', 'qazwsxedcrfv',
  '1q2w3e4r5t', '1q2w3e4r5t6y', 'zxcvbnm123', 'asdfghjkl1', 'asdfghjkl123', 'qwerty12345', 'qwerty123456',
  'password12', 'password123', 'password1234', 'password!1', 'p@ssw0rd123', 'passw0rd123', 'admin12345',
  'admin123456', 'administrator', 'adminadmin', 'welcome123', 'welcome1234', 'letmein123', 'changeme123',
  'football123', 'baseball123', 'sunshine123', 'princess123', 'monkey12345', 'dragon12345', 'superman123',
  'aa123456789', 'aa12345678', 'qq123456789', 'qq12345678', 'abc12345678', 'zhang123456', 'wang123456',
  'li12345678', 'liu123456789', 'taobao123456', 'taobao1234', 'tmall123456', 'shop123456', 'shop1234567',
  'dianpu123456', 'kefu123456', 'kefu12345678', 'a1b2c3d4e5', 'a1s2d3f4g5', 'q1w2e3r4t5', '1a2b3c4d5e',
  '147258369a', '1472583690', '1234qwer!@#$', '123qweasdzxc', 'qweasdzxc123', 'qweasdzxc1', 'zaq12wsxcde3',
  '!qaz2wsx#edc', 'qwer1234!@', '12345qwert', 'asd123456789', '9876543210', '1122334455', '1234512345',
]);
