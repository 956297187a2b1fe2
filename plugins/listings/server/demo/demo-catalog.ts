import type { ListingStatus } from '../types.js';

/** The demo shop's categories: 上装 holds two children, the rest stand alone. */
export const DEMO_CATEGORIES: { key: string; name: string; parent?: string }[] = [
  { key: 'tops', name: '上装' },
  { key: 'tees', name: 'T恤', parent: 'tops' },
  { key: 'shirts', name: '衬衫', parent: 'tops' },
  { key: 'knit', name: '毛衫卫衣' },
  { key: 'bottoms', name: '裤装' },
  { key: 'dresses', name: '连衣裙' },
  { key: 'coats', name: '外套' },
];

/** One demo product: prices in 元 here for legibility, written as 分. */
export interface DemoProduct {
  title: string;
  itemCode: string;
  category: string | null;
  price: number;
  cost: number;
  colors: [string, string][];
  sizes: string[];
  fabric: string;
  status: ListingStatus;
  style?: string;
}

const LETTER = ['S', 'M', 'L', 'XL'];
const WIDE = ['M', 'L', 'XL', 'XXL'];
const WAIST = ['27', '28', '29', '30', '31'];

/** About thirty clothes, most on sale, a few still being prepared. */
export const DEMO_PRODUCTS: DemoProduct[] = [
  { title: '新疆长绒棉圆领短袖T恤 男女同款', itemCode: 'XW24T001', category: 'tees', price: 79, cost: 26, colors: [['白色', 'WH'], ['黑色', 'BK'], ['雾蓝', 'BL']], sizes: LETTER, fabric: '纯棉', status: 'listed', style: '简约' },
  { title: '重磅纯棉落肩短袖 宽松打底', itemCode: 'XW24T002', category: 'tees', price: 99, cost: 34, colors: [['米白', 'CR'], ['炭灰', 'GY']], sizes: WIDE, fabric: '纯棉', status: 'listed', style: '休闲' },
  { title: '条纹海魂衫 法式复古短袖', itemCode: 'XW24T003', category: 'tees', price: 89, cost: 30, colors: [['藏青条', 'NV'], ['红白条', 'RD']], sizes: LETTER, fabric: '棉', status: 'listed', style: '复古' },
  { title: '冰丝速干运动T恤 夏季透气', itemCode: 'XW24T004', category: 'tees', price: 69, cost: 21, colors: [['黑色', 'BK'], ['浅灰', 'LG']], sizes: WIDE, fabric: '聚酯纤维', status: 'listed', style: '运动' },
  { title: '小熊印花短袖T恤 亲子可穿', itemCode: 'XW24T005', category: 'tees', price: 59, cost: 19, colors: [['白色', 'WH'], ['奶黄', 'YL']], sizes: LETTER, fabric: '纯棉', status: 'listed', style: '可爱' },
  { title: '长袖打底衫 修身百搭内搭', itemCode: 'XW24T006', category: 'tees', price: 49, cost: 15, colors: [['黑色', 'BK'], ['白色', 'WH'], ['燕麦', 'OT']], sizes: LETTER, fabric: '莫代尔', status: 'listed' },
  { title: '牛津纺长袖衬衫 通勤免烫', itemCode: 'XW24S001', category: 'shirts', price: 139, cost: 48, colors: [['浅蓝', 'LB'], ['白色', 'WH']], sizes: WIDE, fabric: '棉', status: 'listed', style: '商务' },
  { title: '亚麻短袖衬衫 度假风宽松', itemCode: 'XW24S002', category: 'shirts', price: 159, cost: 58, colors: [['原色', 'NT'], ['橄榄绿', 'OL']], sizes: LETTER, fabric: '亚麻', status: 'listed', style: '度假' },
  { title: '格纹法兰绒衬衫 秋冬加厚', itemCode: 'XW24S003', category: 'shirts', price: 149, cost: 52, colors: [['红格', 'RD'], ['绿格', 'GN']], sizes: WIDE, fabric: '棉', status: 'listed', style: '美式' },
  { title: '真丝光泽衬衫 气质垂感', itemCode: 'XW24S004', category: 'shirts', price: 269, cost: 110, colors: [['香槟', 'CH'], ['墨黑', 'BK']], sizes: LETTER, fabric: '桑蚕丝', status: 'submitted', style: '优雅' },
  { title: '连帽加绒卫衣 冬季保暖', itemCode: 'XW24K001', category: 'knit', price: 169, cost: 62, colors: [['灰色', 'GY'], ['黑色', 'BK'], ['酒红', 'WR']], sizes: WIDE, fabric: '棉', status: 'listed', style: '休闲' },
  { title: '圆领毛衣 羊毛混纺软糯', itemCode: 'XW24K002', category: 'knit', price: 199, cost: 78, colors: [['驼色', 'CA'], ['雾霾蓝', 'BL']], sizes: LETTER, fabric: '羊毛混纺', status: 'listed', style: '简约' },
  { title: '半高领打底针织衫 修身', itemCode: 'XW24K003', category: 'knit', price: 129, cost: 44, colors: [['黑色', 'BK'], ['奶白', 'CR']], sizes: LETTER, fabric: '粘纤', status: 'listed' },
  { title: '开衫毛衣外搭 宽松慵懒', itemCode: 'XW24K004', category: 'knit', price: 179, cost: 66, colors: [['燕麦', 'OT'], ['浅粉', 'PK']], sizes: ['均码'], fabric: '腈纶', status: 'listed', style: '慵懒' },
  { title: '华夫格半拉链卫衣 复古学院', itemCode: 'XW24K005', category: 'knit', price: 149, cost: 53, colors: [['藏青', 'NV'], ['米杏', 'BG']], sizes: WIDE, fabric: '棉', status: 'draft' },
  { title: '高腰直筒牛仔裤 显瘦百搭', itemCode: 'XW24P001', category: 'bottoms', price: 159, cost: 55, colors: [['浅蓝', 'LB'], ['深蓝', 'DB']], sizes: WAIST, fabric: '棉', status: 'listed', style: '百搭' },
  { title: '阔腿西装裤 垂感通勤', itemCode: 'XW24P002', category: 'bottoms', price: 139, cost: 47, colors: [['黑色', 'BK'], ['卡其', 'KH']], sizes: LETTER, fabric: '聚酯纤维', status: 'listed', style: '通勤' },
  { title: '束脚工装裤 多口袋休闲', itemCode: 'XW24P003', category: 'bottoms', price: 129, cost: 43, colors: [['军绿', 'AG'], ['黑色', 'BK']], sizes: WIDE, fabric: '棉', status: 'listed', style: '工装' },
  { title: '冰丝九分裤 夏季薄款', itemCode: 'XW24P004', category: 'bottoms', price: 89, cost: 29, colors: [['藏青', 'NV'], ['灰色', 'GY']], sizes: LETTER, fabric: '锦纶', status: 'listed' },
  { title: '灯芯绒直筒裤 秋冬复古', itemCode: 'XW24P005', category: 'bottoms', price: 119, cost: 41, colors: [['咖啡', 'BR'], ['米白', 'CR']], sizes: WAIST, fabric: '棉', status: 'listed', style: '复古' },
  { title: '碎花雪纺连衣裙 夏季中长款', itemCode: 'XW24D001', category: 'dresses', price: 189, cost: 68, colors: [['蓝色碎花', 'BL'], ['黄色碎花', 'YL']], sizes: LETTER, fabric: '雪纺', status: 'listed', style: '田园' },
  { title: '针织背心裙 秋冬叠穿', itemCode: 'XW24D002', category: 'dresses', price: 169, cost: 60, colors: [['黑色', 'BK'], ['灰色', 'GY']], sizes: ['S', 'M', 'L'], fabric: '羊毛混纺', status: 'listed', style: '简约' },
  { title: '衬衫式连衣裙 收腰长款', itemCode: 'XW24D003', category: 'dresses', price: 219, cost: 82, colors: [['白色', 'WH'], ['浅蓝', 'LB']], sizes: LETTER, fabric: '棉', status: 'listed', style: '通勤' },
  { title: '方领泡泡袖连衣裙 法式', itemCode: 'XW24D004', category: 'dresses', price: 239, cost: 88, colors: [['黑色', 'BK'], ['酒红', 'WR']], sizes: ['S', 'M', 'L'], fabric: '聚酯纤维', status: 'submitted', style: '法式' },
  { title: '连帽防风夹克 春秋薄款', itemCode: 'XW24C001', category: 'coats', price: 259, cost: 96, colors: [['黑色', 'BK'], ['卡其', 'KH']], sizes: WIDE, fabric: '锦纶', status: 'listed', style: '户外' },
  { title: '轻薄羽绒服 短款立领', itemCode: 'XW24C002', category: 'coats', price: 399, cost: 168, colors: [['黑色', 'BK'], ['米白', 'CR'], ['藏青', 'NV']], sizes: WIDE, fabric: '锦纶', status: 'listed', style: '简约' },
  { title: '双面呢大衣 中长款翻领', itemCode: 'XW24C003', category: 'coats', price: 599, cost: 240, colors: [['驼色', 'CA'], ['灰色', 'GY']], sizes: LETTER, fabric: '羊毛', status: 'listed', style: '通勤' },
  { title: '牛仔外套 宽松做旧', itemCode: 'XW24C004', category: 'coats', price: 199, cost: 72, colors: [['浅蓝', 'LB'], ['深蓝', 'DB']], sizes: LETTER, fabric: '棉', status: 'delisted', style: '复古' },
  { title: '摇粒绒外套 加厚保暖', itemCode: 'XW24C005', category: 'coats', price: 149, cost: 51, colors: [['奶白', 'CR'], ['咖啡', 'BR']], sizes: WIDE, fabric: '聚酯纤维', status: 'draft' },
  { title: '针织帽围巾两件套 冬季', itemCode: 'XW24A001', category: null, price: 69, cost: 22, colors: [['灰色', 'GY'], ['红色', 'RD']], sizes: ['均码'], fabric: '腈纶', status: 'listed' },
];
