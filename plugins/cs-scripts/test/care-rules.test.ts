// The pure rules of procedures and return visits: no host.
import { expect, test } from 'vitest';
import { abandonProblem, finishProblem, firstOpenStep, stepListProblem, tickProblem, type RunStepFacts } from '../server/procedures/run-rules.js';
import { addDays, lastShippingDayDueBy, returnVisitDueDay } from '../server/customers/return-visit-due.js';
import { stepsToText, textToSteps } from '../ui/procedure-lines.js';

const steps = (done: number): RunStepFacts[] =>
  ['安抚', '登记', '核对地址', '对照面单'].map((title, i) => ({ position: i + 1, title, doneAt: i < done ? '2026-11-11T09:00:00.000+08:00' : null }));

test('steps are ticked in order; a skipped one is named', () => {
  expect(tickProblem('running', steps(0), 1)).toBeUndefined();
  expect(tickProblem('running', steps(1), 3)).toEqual({ kind: 'outOfOrder', position: 3, first: { position: 2, title: '登记' } });
  expect(tickProblem('running', steps(2), 1)).toEqual({ kind: 'alreadyDone', position: 1, title: '安抚' });
  expect(tickProblem('running', steps(2), 9)).toEqual({ kind: 'noSuchStep', position: 9, count: 4 });
  expect(tickProblem('abandoned', steps(2), 3)).toEqual({ kind: 'ended', state: 'abandoned' });
  expect(firstOpenStep(steps(4))).toBeUndefined();
});

test('a run finishes only with every step ticked, and an ended run is neither finished nor abandoned again', () => {
  expect(finishProblem('running', steps(2))).toEqual({ kind: 'stepsOpen', open: [{ position: 3, title: '核对地址' }, { position: 4, title: '对照面单' }] });
  expect(finishProblem('running', steps(4))).toBeUndefined();
  expect(finishProblem('finished', steps(4))).toEqual({ kind: 'ended', state: 'finished' });
  expect(abandonProblem('running')).toBeUndefined();
  expect(abandonProblem('finished')).toEqual({ kind: 'ended', state: 'finished' });
});

test('a step list needs steps, each with its own title', () => {
  expect(stepListProblem([])).toEqual({ kind: 'empty' });
  expect(stepListProblem([{ title: '安抚' }, { title: '  ' }])).toEqual({ kind: 'blankTitle', index: 1 });
  expect(stepListProblem([{ title: '安抚' }, { title: ' 安抚 ' }])).toEqual({ kind: 'sameTitle', index: 1, title: '安抚' });
  expect(stepListProblem([{ title: '安抚' }, { title: '登记' }])).toBeUndefined();
});

test('a return visit falls delivery days plus visit days after the shipping day, across months', () => {
  const timing = { deliveryDays: 3, returnVisitDays: 7 };
  // Shipped just before midnight shop time: still that shop day.
  expect(returnVisitDueDay('2026-11-25T23:50:00.000+08:00', timing)).toBe('2026-12-05');
  expect(returnVisitDueDay('2026-12-28T10:00:00.000+08:00', { deliveryDays: 2, returnVisitDays: 5 })).toBe('2027-01-04');
  expect(lastShippingDayDueBy('2026-12-05', timing)).toBe('2026-11-25');
  expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
});

test('the editor writes a procedure one step a line, title | hint, and reads it back', () => {
  expect(textToSteps('安抚 | 先致歉\n\n  登记  \n核对｜地址和电话 | 都要问')).toEqual([
    { title: '安抚', hint: '先致歉' }, { title: '登记', hint: '' }, { title: '核对', hint: '地址和电话 | 都要问' },
  ]);
  const procedure = { steps: [{ id: 1, position: 1, title: '安抚', hint: '先致歉' }, { id: 2, position: 2, title: '登记', hint: '' }] };
  expect(stepsToText(procedure as never)).toBe('安抚 | 先致歉\n登记');
});
