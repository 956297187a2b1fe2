// The rules of a checklist run, pure so a unit test covers them: steps are ticked in order (the
// procedure is the shop's order of work: the courier is called only after the address was
// checked), a run finishes when every step is ticked, and an ended run moves no more.

export type RunState = 'running' | 'finished' | 'abandoned';

export interface RunStepFacts {
  position: number;
  title: string;
  doneAt: string | null;
}

export type RunProblem =
  | { kind: 'ended'; state: Exclude<RunState, 'running'> }
  | { kind: 'noSuchStep'; position: number; count: number }
  | { kind: 'alreadyDone'; position: number; title: string }
  | { kind: 'outOfOrder'; position: number; first: { position: number; title: string } }
  | { kind: 'stepsOpen'; open: { position: number; title: string }[] };

/** The first step not yet ticked, or undefined when all are. */
export function firstOpenStep(steps: RunStepFacts[]): RunStepFacts | undefined {
  return [...steps].sort((a, b) => a.position - b.position).find((s) => s.doneAt === null);
}

/** Why step `position` (1-based) may not be ticked now, if it may not. */
export function tickProblem(state: RunState, steps: RunStepFacts[], position: number): RunProblem | undefined {
  if (state !== 'running') return { kind: 'ended', state };
  const step = steps.find((s) => s.position === position);
  if (!step) return { kind: 'noSuchStep', position, count: steps.length };
  if (step.doneAt !== null) return { kind: 'alreadyDone', position, title: step.title };
  const first = firstOpenStep(steps)!;
  if (first.position !== position) return { kind: 'outOfOrder', position, first: { position: first.position, title: first.title } };
  return undefined;
}

/** Why the run may not be finished now, if it may not. */
export function finishProblem(state: RunState, steps: RunStepFacts[]): RunProblem | undefined {
  if (state !== 'running') return { kind: 'ended', state };
  const open = steps.filter((s) => s.doneAt === null).map(({ position, title }) => ({ position, title }));
  return open.length ? { kind: 'stepsOpen', open } : undefined;
}

/** Why the run may not be abandoned now, if it may not. */
export function abandonProblem(state: RunState): RunProblem | undefined {
  return state === 'running' ? undefined : { kind: 'ended', state };
}

export interface StepDraft {
  title: string;
  hint?: string;
}

export type StepListProblem = { kind: 'empty' } | { kind: 'blankTitle'; index: number } | { kind: 'sameTitle'; index: number; title: string };

/** What is wrong with a procedure's new list of steps, if anything (`index` 0-based, as in the body). */
export function stepListProblem(steps: StepDraft[]): StepListProblem | undefined {
  if (steps.length === 0) return { kind: 'empty' };
  const seen = new Set<string>();
  for (const [index, step] of steps.entries()) {
    const title = step.title.trim();
    if (title === '') return { kind: 'blankTitle', index };
    if (seen.has(title)) return { kind: 'sameTitle', index, title };
    seen.add(title);
  }
  return undefined;
}
