import { WbElement } from '@workbench/ui';

/**
 * The base of every listings panel: the workbench services plus a two-language text picker, so
 * each string sits in the code in Chinese and English side by side.
 */
export class ListingsElement extends WbElement {
  /** The user's language picks one of the two texts; zh-CN is the shop's default. */
  protected t(zh: string, en: string): string {
    return this.i18n?.locale === 'en' ? en : zh;
  }

  protected get en(): boolean {
    return this.i18n?.locale === 'en';
  }
}
