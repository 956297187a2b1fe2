import { ForbiddenError } from '../errors.js';
import type { Actor } from '../plugins/context.js';
// Used inside the checks only, so the two modules importing each other is harmless.
import { ALL_PERMISSIONS, OWNER_ROLE } from './accounts.js';

/**
 * What someone who manages accounts may hand out. `core.users.manage` alone must not be a way to
 * become owner: only the owner grants the owner role, `*`, or permissions the granter lacks, and
 * only the owner changes an owner's account. `null` is the workbench itself (first-run setup).
 */
export function isOwner(by: Actor | null): boolean {
  return by === null || by.roles.includes(OWNER_ROLE);
}

export function checkCanGrantPermissions(by: Actor | null, permissions: readonly string[]): void {
  if (isOwner(by)) return;
  const lacking = permissions.filter((p) => p === ALL_PERMISSIONS || !by!.can(p));
  if (lacking.length === 0) return;
  const list = lacking.join(', ');
  throw new ForbiddenError({
    'zh-CN': `只有店长能授予自己没有的权限：${list}。请让店长来授予`,
    en: `Only the owner can grant permissions you do not hold yourself: ${list}. Ask the owner to grant them`,
  });
}

export function checkCanGrantRoles(by: Actor | null, roles: readonly string[], permissionsOf: (role: string) => readonly string[]): void {
  if (isOwner(by)) return;
  if (roles.includes(OWNER_ROLE)) {
    throw new ForbiddenError({ 'zh-CN': '只有店长能把店长角色给别人', en: 'Only the owner can give the owner role' });
  }
  checkCanGrantPermissions(by, roles.flatMap(permissionsOf));
}

/** Resetting the password of an account with more rights would be a way into those rights. */
export function checkCanChangeAccount(by: Actor | null, targetRoles: readonly string[], permissionsOf: (role: string) => readonly string[]): void {
  if (isOwner(by)) return;
  if (targetRoles.includes(OWNER_ROLE)) {
    throw new ForbiddenError({
      'zh-CN': '店长的账号（密码、角色、停用）只有店长能改',
      en: 'Only the owner can change an owner’s account (password, roles, disabling)',
    });
  }
  const lacking = targetRoles.flatMap(permissionsOf).filter((p) => p === ALL_PERMISSIONS || !by!.can(p));
  if (lacking.length === 0) return;
  throw new ForbiddenError({
    'zh-CN': `这个账号有你没有的权限（${[...new Set(lacking)].join(', ')}），只有店长能改它`,
    en: `This account holds permissions you do not (${[...new Set(lacking)].join(', ')}); only the owner can change it`,
  });
}
