import { yuan } from '@workbench/ui';

/** 12990 → `'¥129.90'`, for tables and slips. */
export function money(fen: number | null | undefined): string {
  return fen === null || fen === undefined ? '' : `¥${yuan(fen)}`;
}
