import { InputError } from '@workbench/plugin-api';

/** A reason or note written for the record, trimmed; a blank one is refused on its field, as the rules ask for it in writing. */
export function writtenReason(text: string, field: string): string {
  const trimmed = text.trim();
  if (!trimmed) {
    throw new InputError({ 'zh-CN': '请写明原因', en: 'Write the reason' }, { errors: [{ path: `/${field}`, in: 'body', message: 'blank' }] });
  }
  return trimmed;
}
