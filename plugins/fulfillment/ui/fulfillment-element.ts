import { WbElement } from '@workbench/ui';

/**
 * The base of every fulfillment panel: the workbench services plus a two-language text picker, so
 * each string sits in the code in Chinese and English side by side.
 */
export class FulfillmentElement extends WbElement {
  /** The user's language picks one of the two texts; zh-CN is the shop's default. */
  protected t(zh: string, en: string): string {
    return this.i18n?.locale === 'en' ? en : zh;
  }

  protected get en(): boolean {
    return this.i18n?.locale === 'en';
  }

  /** A name from shared/state-names in the user's language. */
  protected name(text: { 'zh-CN': string; en: string }): string {
    return this.en ? text.en : text['zh-CN'];
  }
}
