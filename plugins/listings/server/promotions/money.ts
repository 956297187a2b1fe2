// Integer 分 arithmetic for the pricing engine: rounding half up and spreading one amount over
// several lines so that the parts always add up to the whole.

/** `numerator / denominator` rounded half up, for non-negative integers (denominator > 0). */
export function divideHalfUp(numerator: number, denominator: number): number {
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}

/**
 * What a line amount becomes after paying `percent` % of it, to the 分, half up. The percent may
 * carry one decimal (88.8), so it is scaled to tenths to keep the arithmetic exact.
 */
export function payPercent(amount: number, percent: number): number {
  const tenths = Math.round(percent * 10);
  return divideHalfUp(amount * tenths, 1000);
}

/** floor(a × b / c) without losing precision when a × b passes 2^53. */
function mulDivFloor(a: number, b: number, c: number): number {
  const product = a * b;
  if (product <= Number.MAX_SAFE_INTEGER) return Math.floor(product / c);
  return Number((BigInt(a) * BigInt(b)) / BigInt(c));
}

/**
 * Splits `amount` over lines in proportion to `weights` (the lines' current amounts), never giving
 * a line more than `caps[i]`. Each share is rounded down; the 分 left over go to the largest line
 * (ties: the smaller `keys[i]`, so the cart's line order never matters), then to the next largest
 * while a line is full. Answers one share per weight; the shares add up to `amount` as long as
 * `amount` ≤ Σ caps.
 */
export function spread(amount: number, weights: readonly number[], caps: readonly number[], keys: readonly number[]): number[] {
  // One line (a one-item bundle, a promotion on one product) takes it all, up to its cap.
  if (weights.length === 1) return [amount <= 0 ? 0 : Math.min(caps[0]!, amount)];
  const shares = weights.map(() => 0);
  const total = weights.reduce((sum, w) => sum + w, 0);
  if (amount <= 0 || weights.length === 0) return shares;
  let given = 0;
  if (total > 0) {
    for (let i = 0; i < weights.length; i++) {
      shares[i] = Math.min(caps[i]!, mulDivFloor(amount, weights[i]!, total));
      given += shares[i]!;
    }
  }
  let rest = amount - given;
  if (rest === 0) return shares;
  // Usually the first line in that order with room left takes the whole rest: found in one pass,
  // without sorting every line.
  let first = -1;
  for (let i = 0; i < weights.length; i++) {
    if (caps[i]! - shares[i]! <= 0) continue;
    if (first < 0 || weights[i]! > weights[first]! || (weights[i] === weights[first] && keys[i]! < keys[first]!)) first = i;
  }
  if (first >= 0 && caps[first]! - shares[first]! >= rest) {
    shares[first] = shares[first]! + rest;
    return shares;
  }
  const order = weights.map((_, i) => i).sort((a, b) => weights[b]! - weights[a]! || keys[a]! - keys[b]!);
  for (const i of order) {
    if (rest === 0) break;
    const room = caps[i]! - shares[i]!;
    const add = Math.min(room, rest);
    shares[i] = shares[i]! + add;
    rest -= add;
  }
  return shares;
}
