// A procedure's steps as a clerk edits them in a text box; plain functions, so a unit test covers them.
import type { Procedure } from '../server/procedures/procedure-store.js';

/** One step a line, `title | hint`: the list as a clerk edits it in a text box. */
export function stepsToText(p: Procedure): string {
  return p.steps.map((s) => (s.hint ? `${s.title} | ${s.hint}` : s.title)).join('\n');
}

export function textToSteps(text: string): { title: string; hint: string }[] {
  return text.split('\n').filter((line) => line.trim() !== '').map((line) => {
    const [title = '', ...hint] = line.split(/[|｜]/);
    return { title: title.trim(), hint: hint.join('|').trim() };
  });
}
