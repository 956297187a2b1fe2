import type { Transaction } from '@workbench/plugin-api';
import { phraseStore } from '../phrases/phrase-store.js';

// A month of use in the demo shop: the starter library (migration 002) used as a desk uses it —
// greetings and logistics most — and a few more phrases the shop wrote for itself.
const USES: Record<string, number> = { hi: 412, ship: 238, state: 190, size: 176, price: 121, sf: 88, pay: 84, late: 41, return: 57, thanks: 133 };

const MORE: { stage: 'pre-sale' | 'in-sale' | 'after-sale'; group: string; shortcut: string; text: string; tags: string[] }[] = [
  { stage: 'pre-sale', group: '议价', shortcut: 'max', text: '我这边能给到的最低就是 97 折了，再低要请示店长，我帮您问问看～', tags: ['优惠', '权限'] },
  { stage: 'pre-sale', group: '商品', shortcut: 'fabric', text: '面料是加厚珊瑚绒，摸起来软软的不掉毛，冬天穿很暖和。', tags: ['面料'] },
  { stage: 'in-sale', group: '物流', shortcut: 'ems', text: '您的地址其他快递到不了，这单给您改发 EMS，慢一两天但一定能送到。', tags: ['快递', '偏远'] },
  { stage: 'after-sale', group: '物流', shortcut: 'claim', text: '{买家}，包裹被快递扣了，我们已经登记理赔；您看是退款、换一件还是送个小礼物补偿，都听您的。', tags: ['物流投诉', '理赔'] },
];

export async function fillDemoPhrases(tx: Transaction, now: string): Promise<void> {
  for (const [shortcut, uses] of Object.entries(USES)) {
    await tx.run('UPDATE cs_scripts_phrases SET uses = ?, last_used_at = ? WHERE shortcut = ? AND owner_id IS NULL', [uses, now, shortcut]);
  }
  const store = phraseStore(tx);
  for (const p of MORE) {
    const group = await store.groupByName(p.stage, p.group);
    if (!group || (await store.byShortcut(p.shortcut, null))) continue;
    await store.add({ groupId: group.id, ownerId: null, shortcut: p.shortcut, text: p.text, tags: p.tags }, null, now);
  }
}
