import type { ErrorObject } from 'ajv';
import localizeZh from 'ajv-i18n/localize/zh/index.js';

import type { FieldProblem } from '../errors.js';

// This file is also bundled into the validator modules the browser loads (see
// core/http/validator-module.ts), so a form shows exactly the messages the server would send.
// It must therefore stay free of Node APIs and of other core imports (type imports are erased).

/**
 * Turns ajv errors into `{path, in, message}` in the reader's language. The path points at the
 * field itself (for `required` and unknown keys too), so a form can put the message beside it.
 */
export function toFieldProblems(errors: ErrorObject[], locale: string, part: string): FieldProblem[] {
  const copies = errors.map((e) => ({ ...e }));
  if (locale === 'zh-CN') localizeZh(copies);
  const seen = new Set<string>();
  const out: FieldProblem[] = [];
  for (const e of copies) {
    let path = e.instancePath;
    let message = e.message ?? '';
    const params = e.params as Record<string, unknown>;
    if (e.keyword === 'required' && typeof params.missingProperty === 'string') {
      path += `/${params.missingProperty}`;
      message = locale === 'zh-CN' ? '必填' : 'is required';
    } else if (e.keyword === 'additionalProperties' && typeof params.additionalProperty === 'string') {
      path += `/${params.additionalProperty}`;
      message = locale === 'zh-CN' ? `不认识的字段“${params.additionalProperty}”` : `unknown field "${params.additionalProperty}"`;
    } else if (e.keyword === 'pattern' && e.schemaPath.endsWith('/visibleText/pattern')) {
      message =
        locale === 'zh-CN'
          ? '含有看不见的字符（如零宽空格、控制字符），常见于从网页或聊天里复制的文字；请删掉后手动重新输入'
          : 'contains an invisible character (such as a zero-width space or a control character), often copied from a web page or chat; delete it and type it again';
    } else if (e.keyword === 'pattern') {
      // The pattern itself (^[A-Z]{2,5}$) means nothing to a clerk; the field's help says the form in words.
      message = locale === 'zh-CN' ? '格式不对，请按说明填写' : 'is not in the expected form; see the help beside it';
    } else if (e.keyword === 'enum' && Array.isArray(params.allowedValues)) {
      message += `: ${params.allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
    }
    const key = `${path}|${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ path: path || '/', in: part, message });
  }
  return out;
}
