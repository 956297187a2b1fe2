import { InputError } from '@workbench/plugin-api';

/** A location code's parts: zone (letters), shelf, level and bin (two digits each). */
export interface LocationParts {
  zone: string;
  shelf: string;
  level: string;
  bin: string;
}

/** `A-01-02-03`: zone A, shelf 01, level 02, bin 03. A zone is one or two capital letters. */
export const LOCATION_CODE_PATTERN = '^[A-Z]{1,2}-[0-9]{2}-[0-9]{2}-[0-9]{2}$';
const CODE = new RegExp(LOCATION_CODE_PATTERN);

export const ZONE_PATTERN = '^[A-Z]{1,2}$';

/** The parts of a location code, or a 400 that shows the clerk the shape to write. */
export function parseLocationCode(raw: string): LocationParts {
  const code = raw.trim().toUpperCase();
  if (!CODE.test(code)) {
    throw new InputError(
      {
        'zh-CN': `库位编号「${raw}」格式不对：应写成 区-货架-层-位，区为 1～2 个字母，其余各两位数字，例如 A-01-02-03`,
        en: `Location code "${raw}" has the wrong shape: write zone-shelf-level-bin, a zone of one or two letters and two digits each for the rest, e.g. A-01-02-03`,
      },
      { errors: [{ path: '/code', in: 'body', message: 'A-01-02-03' }] },
    );
  }
  const [zone, shelf, level, bin] = code.split('-') as [string, string, string, string];
  return { zone, shelf, level, bin };
}

export function locationCode(parts: LocationParts): string {
  return `${parts.zone}-${parts.shelf}-${parts.level}-${parts.bin}`;
}

// A zone's letters read as a base-27 number (A=1 … Z=26, a missing second letter 0), so the
// numeric order of zones is their alphabetical order (A < AA < B).
function zoneRank(zone: string): number {
  const first = zone.charCodeAt(0) - 64;
  const second = zone.length > 1 ? zone.charCodeAt(1) - 64 : 0;
  return first * 27 + second;
}

/**
 * The default walking order: zone, then shelf, then level, then bin, each part a digit group of
 * its own, so sorting by the number walks a zone shelf by shelf, and a shelf level by level.
 */
export function derivedPathOrder(parts: LocationParts): number {
  return zoneRank(parts.zone) * 1_000_000 + Number(parts.shelf) * 10_000 + Number(parts.level) * 100 + Number(parts.bin);
}

/** Two-digit text for a shelf, level or bin number. */
export const twoDigits = (n: number): string => String(n).padStart(2, '0');
