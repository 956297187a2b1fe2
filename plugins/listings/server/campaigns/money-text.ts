/** 分 as a clerk reads it: 8900 → "¥89.00", −150 → "-¥1.50". */
export function yuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}¥${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** A ratio as a percentage with at most one decimal: 0.4567 → "45.7%". */
export function percentText(value: number): string {
  return `${Math.round(value * 1000) / 10}%`;
}
