/** One choice a `<wb-combobox>` lists: `value` is what is chosen, the rest is what is shown. */
export interface ComboboxOption<T = unknown> {
  value: string;
  label: string;
  /** A second text beside the label (a product's name beside its code). */
  detail?: string;
  /** Greyed at the end of the row (a price, a count). */
  muted?: string;
  /** What the caller wants back with the choice (the whole record the option stands for). */
  data?: T;
}

/** What `choose` carries: the option, or with `allowFreeText` the typed text as `{ value, label }` and `freeText: true`. */
export interface ComboboxChoice<T = unknown> {
  option: ComboboxOption<T>;
  freeText: boolean;
}

export type ComboboxSearch<T = unknown> = (text: string) => Promise<ComboboxOption<T>[]>;

/**
 * Search as one types: waits `delayMs` after the last keystroke, and shows only the answer to the
 * latest text — an answer to older text that arrives late is dropped, so a slow first search never
 * overwrites the list for what is typed now.
 */
export class LatestSearch<T = unknown> {
  private timer?: ReturnType<typeof setTimeout>;
  private asked = 0;

  constructor(
    private readonly answer: (options: ComboboxOption<T>[]) => void,
    private readonly fail: (error: unknown) => void,
    private readonly delayMs = 200,
  ) {}

  /** The text now in the box; empty text (or no search) clears the list at once. */
  type(text: string, search: ComboboxSearch<T> | undefined): void {
    this.cancel();
    const trimmed = text.trim();
    if (!trimmed || !search) {
      this.answer([]);
      return;
    }
    this.timer = setTimeout(() => void this.run(trimmed, search), this.delayMs);
  }

  /** Forget what is pending: a search still on its way is dropped when it answers. */
  cancel(): void {
    clearTimeout(this.timer);
    this.asked++;
  }

  private async run(text: string, search: ComboboxSearch<T>): Promise<void> {
    const ask = ++this.asked;
    try {
      const options = await search(text);
      if (ask === this.asked) this.answer(options);
    } catch (error) {
      if (ask === this.asked) this.fail(error);
    }
  }
}

/**
 * The active option after a key in the open list, or undefined when the key does not move it
 * (Home/End stay the text box's: they move the caret).
 */
export function moveActive(key: string, active: number, count: number): number | undefined {
  if (!count) return undefined;
  switch (key) {
    case 'ArrowDown':
      return Math.min(count - 1, active + 1);
    case 'ArrowUp':
      return Math.max(0, active - 1);
    default:
      return undefined;
  }
}
