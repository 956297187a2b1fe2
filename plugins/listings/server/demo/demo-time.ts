/** `iso` moved by `days` (may be fractional or negative), keeping its offset, e.g. `+08:00`. */
export function shiftDays(iso: string, days: number): string {
  const offset = /([+-]\d{2}):(\d{2})$/.exec(iso);
  const minutes = offset ? (Number(offset[1]) * 60 + Math.sign(Number(offset[1]) || 1) * Number(offset[2])) : 0;
  const local = new Date(Date.parse(iso) + days * 86_400_000 + minutes * 60_000);
  const text = local.toISOString().slice(0, 23);
  return offset ? `${text}${offset[0]}` : `${text}Z`;
}
