import type { LocalizedText } from '../i18n/localized-text.js';

/** Permissions of the core's own routes; roles grant them like any plugin's. */
export const CORE_PERMISSIONS: { id: string; name: LocalizedText }[] = [
  { id: 'core.users.manage', name: { 'zh-CN': '管理员工账号和角色', en: 'Manage staff accounts and roles' } },
  { id: 'core.audit.read', name: { 'zh-CN': '查看操作日志', en: 'Read the audit log' } },
  { id: 'core.settings.read', name: { 'zh-CN': '查看设置', en: 'View settings' } },
  { id: 'core.settings.manage', name: { 'zh-CN': '修改设置', en: 'Change settings' } },
  { id: 'core.jobs.manage', name: { 'zh-CN': '查看和立即运行定时任务', en: 'View and run scheduled jobs' } },
];

export const CORE_PERMISSION_IDS: ReadonlySet<string> = new Set(CORE_PERMISSIONS.map((p) => p.id));
