// Made-up buyers and addresses for the demo shop: plausible, varied, and nobody real. Phone
// numbers use the 138 0000 range and addresses invented streets.

export interface DemoReceiver {
  nick: string;
  account: string;
  name: string;
  phone: string;
  address: string;
  postCode: string;
}

const FAMILY = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '高'];
const GIVEN = ['晓燕', '建国', '丽娟', '子涵', '浩然', '欣怡', '志强', '雨萱', '俊杰', '梦琪', '文博', '思远', '佳怡', '宇航', '静', '磊', '婷婷', '鹏', '慧敏', '一诺'];
const NICKS = ['小鱼儿', '爱穿搭的猫', '晴天娃娃', 'momo酱', '大橙子', '阿飞', '糖糖不吃糖', '木子李', '夏天的风', '锦鲤本鲤', '星河', '一只小蜗牛'];

/** Province, city and a few made-up streets; 新疆 and 西藏 are there for the courier rules. */
const PLACES: { region: string; city: string; postCode: string; streets: string[] }[] = [
  { region: '浙江省', city: '杭州市西湖区', postCode: '310012', streets: ['文三路', '教工路', '古墩路'] },
  { region: '广东省', city: '深圳市南山区', postCode: '518052', streets: ['科技园南路', '南海大道', '桃园路'] },
  { region: '上海市', city: '浦东新区', postCode: '200120', streets: ['张杨路', '世纪大道', '东方路'] },
  { region: '北京市', city: '朝阳区', postCode: '100020', streets: ['建国路', '朝阳北路', '望京街'] },
  { region: '江苏省', city: '南京市鼓楼区', postCode: '210008', streets: ['中山北路', '湖南路', '宁海路'] },
  { region: '四川省', city: '成都市武侯区', postCode: '610041', streets: ['人民南路', '科华北路', '玉林路'] },
  { region: '湖北省', city: '武汉市洪山区', postCode: '430070', streets: ['珞喻路', '雄楚大道', '光谷大道'] },
  { region: '山东省', city: '青岛市市南区', postCode: '266071', streets: ['香港中路', '闽江路', '燕儿岛路'] },
  { region: '广西壮族自治区', city: '南宁市青秀区', postCode: '530022', streets: ['民族大道', '金湖路'] },
  { region: '新疆维吾尔自治区', city: '乌鲁木齐市天山区', postCode: '830002', streets: ['解放南路', '新华北路'] },
  { region: '西藏自治区', city: '拉萨市城关区', postCode: '850000', streets: ['北京中路', '江苏路'] },
  { region: '河南省', city: '郑州市金水区', postCode: '450003', streets: ['花园路', '经三路', '农业路'] },
];

/** A small deterministic generator, so the demo shop looks the same every time. */
export function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)]!;
}

/** The i-th demo buyer; `region` forces a province (e.g. 西藏 for the courier rules). */
export function demoReceiver(random: () => number, i: number, region?: string): DemoReceiver {
  const place = region ? PLACES.find((p) => p.region.startsWith(region))! : pick(random, PLACES.slice(0, 9).concat(PLACES[11]!));
  const name = pick(random, FAMILY) + pick(random, GIVEN);
  return {
    nick: `tb_${pick(random, NICKS)}${100 + i}`,
    account: `buyer${1000 + i}@example.com`,
    name,
    phone: `1380000${String(1000 + i).slice(-4)}`,
    address: `${place.region}${place.city}${pick(random, place.streets)}${1 + Math.floor(random() * 300)}号${1 + Math.floor(random() * 20)}幢${101 + Math.floor(random() * 1500)}室`,
    postCode: place.postCode,
  };
}
