/**
 * A 工号 the way CS write it, in the chat log and in remarks alike: spaces dropped, full-width
 * digits and letters as plain ones, a trailing 号 or 号客服 left off, so `１２号客服` is `12`.
 */
export function agentCode(raw: string): string {
  const plain = raw.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[\s\u3000]+/g, '');
  return plain.replace(/号(客服)?$/, '');
}
