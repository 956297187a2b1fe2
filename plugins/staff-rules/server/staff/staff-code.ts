/**
 * 工号 as the shop compares them: full-width digits and letters folded (NFKC), spaces dropped, so
 * " 07" typed with a space or "０７" from a Chinese keyboard is the same person as "07". Leading
 * zeros are kept: CS write "07号" and a time clock exports "07".
 */
export function normaliseStaffCode(code: string): string {
  return code.normalize('NFKC').replace(/\s+/gu, '');
}

/** A phone as a reader without `staff-rules.staff.phone` sees it: the first three and last four digits. */
export function maskPhone(phone: string | null): string | null {
  if (phone === null) return null;
  const digits = phone.replace(/\D/g, '');
  return digits.length >= 7 ? `${digits.slice(0, 3)}****${digits.slice(-4)}` : '****';
}
