import type { LocalizedText } from '../i18n/localized-text.js';
import { COMMON_PASSWORDS } from './common-passwords.js';
import { MIN_PASSWORD_LENGTH } from './passwords.js';

/**
 * Why a new password is refused, or undefined when it is fine. Length is counted in characters of
 * the NFKC form, which is what gets hashed, so letters typed as letter + accent count once.
 */
export function passwordProblem(password: string, username: string): LocalizedText | undefined {
  const normal = password.normalize('NFKC');
  if ([...normal].length < MIN_PASSWORD_LENGTH) {
    return {
      'zh-CN': `密码至少要 ${MIN_PASSWORD_LENGTH} 个字符，请再长一些，比如用几个词连起来`,
      en: `The password needs at least ${MIN_PASSWORD_LENGTH} characters; make it longer, for example a few words joined together`,
    };
  }
  const lower = normal.toLowerCase();
  if (lower === username.normalize('NFKC').trim().toLowerCase()) {
    return { 'zh-CN': '密码不能和账号（用户名）一样，请换一个', en: 'The password must not be the user name; choose another' };
  }
  if (COMMON_PASSWORDS.has(lower)) {
    return {
      'zh-CN': '这是很常见的密码，别人很容易猜到，请换一个',
      en: 'This is a common password that others guess easily; choose another',
    };
  }
  return undefined;
}
