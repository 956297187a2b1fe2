// Personal details of receivers, shown in part to staff without the permission to see them
// (online-trade rules: show customer data only to roles that need it). Server and UI use the
// same functions, so a masked value looks the same wherever it appears.

/** 13812341234 → 138****1234; a short or odd number keeps only its last two digits. */
export function maskPhone(phone: string): string {
  const digits = phone.trim();
  if (digits.length >= 11) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  if (digits.length <= 2) return '*'.repeat(digits.length);
  return `${'*'.repeat(digits.length - 2)}${digits.slice(-2)}`;
}

/** 张三丰 → 张**; one character stays as it is. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return chars.join('');
  return chars[0] + '*'.repeat(chars.length - 1);
}

/**
 * 浙江省杭州市西湖区文三路 100 号 → 浙江省杭州市****: the province and city stay (the warehouse
 * needs them for couriers), the street and number do not.
 */
export function maskAddress(address: string): string {
  const text = address.trim();
  const city = /^(.{2,10}?(?:省|自治区|特别行政区|市))?(.{1,10}?(?:市|自治州|地区|盟|区|县))?/u.exec(text);
  const kept = `${city?.[1] ?? ''}${city?.[2] ?? ''}`;
  if (!kept) return text ? `${[...text].slice(0, 2).join('')}****` : '';
  return kept.length >= text.length ? kept : `${kept}****`;
}

/**
 * The province, autonomous region or municipality an address starts with, without its suffix:
 * 新疆维吾尔自治区乌鲁木齐市… → 新疆, 上海市浦东新区… → 上海, 广东省… → 广东.
 */
export function regionOf(address: string): string {
  const text = address.trim().replace(/^中国\s*/, '');
  const m = /^(内蒙古|黑龙江|[\u4e00-\u9fff]{2})/u.exec(text);
  return m ? m[1]! : '';
}
