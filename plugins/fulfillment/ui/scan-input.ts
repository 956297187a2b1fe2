// What the scanning stations (复核台, 发货台) share: a queue that keeps every scan in the order it
// was typed, the beeps a clerk hears without looking up, and the focus rules of a scanner field.

/**
 * A barcode scanner types a code and Enter faster than the server answers. Each step waits for
 * the one before it to finish, so a scan typed while a request is pending is neither lost nor
 * handled against a stale screen (the next code may depend on what the last one did).
 */
export class ScanQueue<T> {
  private readonly waiting: T[] = [];
  private running = false;

  constructor(
    private readonly handle: (step: T) => Promise<void>,
    private readonly changed: () => void,
  ) {}

  /** Steps typed but not finished, the one running included. */
  get pending(): number {
    return this.waiting.length + (this.running ? 1 : 0);
  }

  push(step: T): void {
    this.waiting.push(step);
    this.changed();
    void this.drain();
  }

  private async drain(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (let step = this.waiting.shift(); step !== undefined; step = this.waiting.shift()) {
        // The handler shows its own refusals; one failing step must not stop the scans behind it.
        await this.handle(step).catch((error: unknown) => console.error(error));
        this.changed();
      }
    } finally {
      this.running = false;
      this.changed();
    }
  }
}

let audio: AudioContext | undefined;

/** The tones of each sound: frequency (Hz), start and length (s). */
const SOUNDS = {
  // Two low, harsh tones: heard across the packing table, unlike any success sound.
  refused: { wave: 'square', tones: [[233, 0, 0.16], [185, 0.2, 0.24]] },
  done: { wave: 'sine', tones: [[660, 0, 0.09], [990, 0.11, 0.14]] },
} as const satisfies Record<string, { wave: OscillatorType; tones: readonly (readonly [number, number, number])[] }>;

/** A short beep through Web Audio; `refused` for a wrong scan, `done` for a finished order. */
export function beep(kind: keyof typeof SOUNDS): void {
  const sound = SOUNDS[kind];
  try {
    audio ??= new AudioContext();
    if (audio.state === 'suspended') void audio.resume();
    for (const [frequency, start, length] of sound.tones) {
      const oscillator = audio.createOscillator();
      const gain = audio.createGain();
      oscillator.type = sound.wave;
      oscillator.frequency.value = frequency;
      const at = audio.currentTime + start;
      gain.gain.setValueAtTime(0.0001, at);
      gain.gain.exponentialRampToValueAtTime(0.35, at + 0.01);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + length);
      oscillator.connect(gain).connect(audio.destination);
      oscillator.start(at);
      oscillator.stop(at + length + 0.02);
    }
  } catch (error) {
    // A PC without a sound device still shows the banner, which says everything the beep does.
    console.warn('no sound for the scan station', error);
  }
}

/** The focused element, looking through shadow roots (the shell nests panels in several). */
export function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** True when the element takes typing itself: a field, an editable area, or inside a dialog. */
export function takesTyping(element: Element | null): boolean {
  if (!element) return false;
  if (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement) return true;
  if (element instanceof HTMLElement && element.isContentEditable) return true;
  return element.closest('dialog') !== null;
}

/** True while the element is on screen (an editor tab in the background is `display: none`). */
export function shown(element: Element): boolean {
  return element.isConnected && element.getClientRects().length > 0;
}
