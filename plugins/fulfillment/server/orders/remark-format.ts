import type { CourierSetting, FulfillmentSettings } from '../settings.js';

/** A remark as the shop writes it: 工号 + courier + note, e.g. `12+申通+送袜子一双`. */
export interface ParsedRemark {
  agentNo: string;
  courier: CourierSetting;
  note: string;
}

/** Why a remark was refused, in both languages, ending with the format and an example. */
export interface RemarkProblem {
  problem: { 'zh-CN': string; en: string };
  /** The settings' agent number pattern does not compile: the owner must fix it, not the clerk. */
  badSetting?: true;
}

// Parts are separated by +, the full-width ＋, or spaces; the note itself may contain either.
const SEPARATOR = /\s*[+＋]\s*|\s+/u;

function splitOnce(text: string): [string, string] | undefined {
  const m = SEPARATOR.exec(text);
  if (!m || m.index === 0) return undefined;
  return [text.slice(0, m.index), text.slice(m.index + m[0].length)];
}

export const REMARK_FORMAT = { 'zh-CN': '备注格式为「工号+快递+备注」，分隔用 +、＋ 或空格，例如 12+申通+送袜子一双', en: 'A remark reads "agent no.+courier+note", separated by +, ＋ or spaces, e.g. 12+申通+送袜子一双' };

const refuse = (problem: { 'zh-CN': string; en: string }): RemarkProblem => ({
  problem: { 'zh-CN': `${problem['zh-CN']}。${REMARK_FORMAT['zh-CN']}`, en: `${problem.en}. ${REMARK_FORMAT.en}` },
});

/** The courier a remark names, by its name (申通, 申通快递) or its code (STO, sto). */
function courierNamed(settings: FulfillmentSettings, word: string): CourierSetting | undefined {
  const bare = word.replace(/(快递|速递|物流)$/u, '');
  return settings.couriers.find((c) => c.name === word || c.name === bare || c.code === word.toUpperCase());
}

/** Reads a remark, or says what is wrong with it (showing the format and an example). */
export function parseRemark(settings: FulfillmentSettings, text: string): ParsedRemark | RemarkProblem {
  const first = splitOnce(text.trim());
  const second = first && splitOnce(first[1].trim());
  if (!first || !second || second[1].trim() === '') {
    return refuse({ 'zh-CN': '备注要有工号、快递和备注内容三部分', en: 'A remark needs three parts: agent number, courier and note' });
  }
  const [agentNo, [courierWord, rest]] = [first[0], second];
  let pattern: RegExp;
  try {
    pattern = new RegExp(settings.remarks.agentNoPattern, 'u');
  } catch {
    return {
      badSetting: true,
      problem: {
        'zh-CN': `设置里的工号规则「${settings.remarks.agentNoPattern}」写得不对，请店长在订单与仓储设置里改正`,
        en: `The agent number pattern "${settings.remarks.agentNoPattern}" in the settings is not valid; the owner should correct it in the fulfillment settings`,
      },
    };
  }
  if (!pattern.test(agentNo)) return refuse({ 'zh-CN': `「${agentNo}」不是客服工号`, en: `"${agentNo}" is not an agent number` });
  const courier = courierNamed(settings, courierWord);
  if (!courier) {
    const names = settings.couriers.map((c) => c.name).join('、');
    return refuse({ 'zh-CN': `没有叫「${courierWord}」的快递，可写：${names}`, en: `No courier is called "${courierWord}"; write one of: ${names}` });
  }
  const note = rest.trim();
  const length = [...note].length;
  if (length > settings.remarks.maxNoteChars) {
    return refuse({ 'zh-CN': `备注内容 ${length} 个字，最多 ${settings.remarks.maxNoteChars} 个字`, en: `The note has ${length} characters; at most ${settings.remarks.maxNoteChars}` });
  }
  return { agentNo, courier, note };
}
