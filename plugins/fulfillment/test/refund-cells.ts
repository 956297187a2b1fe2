// Refunds written into an item report of the later layout (子订单编号 … 退款状态, 退款金额), the way
// the seller centre fills those two cells, for the tests that import refunds.

/** A line's refund: the 退款状态 cell as Taobao writes it (a sentence or a code) and 退款金额 in 元. */
export interface LineRefund {
  state: string;
  amount?: string;
}

const cell = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** The item report with these lines' (by 子订单编号) refund cells set; every other line as it was. */
export function withRefunds(itemReport: string, refunds: ReadonlyMap<string, LineRefund>): string {
  const lines = itemReport.split('\r\n');
  const header = lines[0]!.split(',');
  const at = { key: header.indexOf('子订单编号'), state: header.indexOf('退款状态'), amount: header.indexOf('退款金额') };
  if (at.key < 0 || at.state < 0 || at.amount < 0) throw new Error('withRefunds needs the later layout of the item report');
  return lines
    .map((line, i) => {
      if (i === 0 || line === '') return line;
      const cells = line.split(',');
      const refund = refunds.get(cells[at.key]!.replace(/^="|"$/g, ''));
      if (!refund) return line;
      cells[at.state] = cell(refund.state);
      cells[at.amount] = refund.amount ?? '0.00';
      return cells.join(',');
    })
    .join('\r\n');
}
