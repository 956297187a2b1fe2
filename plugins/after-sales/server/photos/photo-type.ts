// A photo's type from its first bytes: a browser or a clerk can name a file anything, so the name
// and the declared type are never trusted.

export type PhotoType = 'image/jpeg' | 'image/png' | 'image/webp';

const startsWith = (b: Uint8Array, at: number, sig: readonly number[]) => b.length >= at + sig.length && sig.every((v, i) => b[at + i] === v);
const ascii = (s: string) => [...s].map((ch) => ch.charCodeAt(0));

const JPEG = [0xff, 0xd8, 0xff];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const RIFF = ascii('RIFF');
const WEBP = ascii('WEBP');

/** JPEG, PNG or WebP by signature; `undefined` for anything else. */
export function photoTypeOf(bytes: Uint8Array): PhotoType | undefined {
  if (startsWith(bytes, 0, JPEG)) return 'image/jpeg';
  if (startsWith(bytes, 0, PNG)) return 'image/png';
  if (startsWith(bytes, 0, RIFF) && startsWith(bytes, 8, WEBP)) return 'image/webp';
  return undefined;
}

export const MEGABYTE = 1024 * 1024;

/**
 * Bytes as MB for a message: one decimal, none when whole. `up` rounds up, so a file one byte over
 * a 5 MB limit is said to be 5.1 MB, not 5.
 */
export const megabytes = (size: number, up = false): string => String((up ? Math.ceil : Math.round)((size / MEGABYTE) * 10) / 10);
