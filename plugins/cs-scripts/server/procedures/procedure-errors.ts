// The rules' problems as typed errors with a message a clerk can act on, in zh-CN and en.
import { ConflictError, InputError, NotFoundError } from '@workbench/plugin-api';
import type { RunProblem, StepListProblem } from './run-rules.js';

const STATE = { finished: { zh: '已完成', en: 'finished' }, abandoned: { zh: '已放弃', en: 'abandoned' } } as const;

export function runProblemError(problem: RunProblem): ConflictError | InputError {
  switch (problem.kind) {
    case 'ended':
      return new ConflictError({ 'zh-CN': `这个流程${STATE[problem.state].zh}，不能再改`, en: `This checklist is ${STATE[problem.state].en} and can no longer change` });
    case 'noSuchStep':
      return new InputError({ 'zh-CN': `没有第 ${problem.position} 步：这个流程共 ${problem.count} 步`, en: `There is no step ${problem.position}: this checklist has ${problem.count} steps` });
    case 'alreadyDone':
      return new ConflictError({ 'zh-CN': `第 ${problem.position} 步「${problem.title}」已经勾过了`, en: `Step ${problem.position} "${problem.title}" is already ticked` });
    case 'outOfOrder':
      return new ConflictError({
        'zh-CN': `请按顺序做：先完成第 ${problem.first.position} 步「${problem.first.title}」`,
        en: `Work in order: first finish step ${problem.first.position} "${problem.first.title}"`,
      });
    case 'stepsOpen':
      return new ConflictError({
        'zh-CN': `还有 ${problem.open.length} 步没做：${problem.open.map((s) => `${s.position}.${s.title}`).join('、')}；做完再结束，或者放弃这个流程`,
        en: `${problem.open.length} steps are still open: ${problem.open.map((s) => `${s.position}. ${s.title}`).join(', ')}; finish them, or abandon the checklist`,
      });
  }
}

export function stepListError(problem: StepListProblem): InputError {
  switch (problem.kind) {
    case 'empty':
      return new InputError({ 'zh-CN': '流程至少要有一步', en: 'A procedure needs at least one step' }, { errors: [{ path: '/steps', in: 'body', message: 'empty' }] });
    case 'blankTitle':
      return new InputError({ 'zh-CN': `第 ${problem.index + 1} 步没有名称`, en: `Step ${problem.index + 1} has no title` }, { errors: [{ path: `/steps/${problem.index}/title`, in: 'body', message: 'blank' }] });
    case 'sameTitle':
      return new InputError({ 'zh-CN': `第 ${problem.index + 1} 步「${problem.title}」和前面一步重名`, en: `Step ${problem.index + 1} "${problem.title}" has the same title as an earlier one` },
        { errors: [{ path: `/steps/${problem.index}/title`, in: 'body', message: 'duplicate' }] });
  }
}

export const procedureNotFound = (which: string | number) =>
  new NotFoundError({ 'zh-CN': `没有流程 ${which}`, en: `There is no procedure ${which}` });
export const runNotFound = (id: number) => new NotFoundError({ 'zh-CN': `没有处理记录 ${id}`, en: `There is no checklist ${id}` });
export const orderNotFound = (orderNo: string) => new NotFoundError({ 'zh-CN': `找不到订单 ${orderNo}`, en: `No order ${orderNo}` });
export const caseNotFound = (caseNo: string) => new NotFoundError({ 'zh-CN': `找不到售后单 ${caseNo}`, en: `No after-sales case ${caseNo}` });
export const staleProcedure = (name: string, by: string) =>
  new ConflictError({ 'zh-CN': `流程「${name}」刚被 ${by} 改过，请刷新后再改`, en: `"${name}" was just changed by ${by}; reload it and edit again` });
