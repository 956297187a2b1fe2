import { isAlias, isMap, isScalar, isSeq, type Document, type LineCounter, type Node, type Pair } from 'yaml';

/** 1-based line and column in the source text. */
export interface SourcePosition {
  line: number;
  column: number;
}

/** Splits a JSON pointer (`/server/port`) into its unescaped segments. */
export function pointerSegments(pointer: string): string[] {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** `['plugins', 'folders', '0']` → `plugins.folders.0`. */
export function dottedPath(segments: readonly string[]): string {
  return segments.join('.');
}

function keyText(pair: Pair): string | undefined {
  const key = pair.key;
  if (isScalar(key)) return String(key.value);
  return key == null ? undefined : String(key);
}

function findPair(node: unknown, key: string): Pair<Node, Node | null> | undefined {
  if (!isMap(node)) return undefined;
  return node.items.find((pair) => keyText(pair) === key) as Pair<Node, Node | null> | undefined;
}

/**
 * Locates YAML nodes for ajv's instance paths. When a path leads somewhere the YAML has no node
 * for (a default ajv filled in, or through an alias it cannot follow), the nearest ancestor that
 * exists is used, so a problem still lands on a meaningful line.
 */
export class YamlLocator {
  constructor(
    private readonly doc: Document | undefined,
    private readonly lines: LineCounter,
  ) {}

  /** Position of the value at `segments` (or its nearest existing ancestor). */
  valueAt(segments: readonly string[]): SourcePosition {
    let node: unknown = this.doc?.contents;
    let best = this.position(node) ?? { line: 1, column: 1 };
    for (const segment of segments) {
      node = this.resolve(node);
      let next: unknown;
      if (isMap(node)) {
        const pair = findPair(node, segment);
        if (!pair) break;
        // `port:` with nothing after it has an empty value node; the key's line is the useful one.
        best = this.position(pair.key) ?? best;
        next = pair.value;
      } else if (isSeq(node)) {
        next = node.items[Number(segment)];
      } else {
        break;
      }
      const here = this.position(next);
      if (!here) break;
      best = here;
      node = next;
    }
    return best;
  }

  /** Position of the key `key` inside the mapping at `segments`; falls back to the mapping. */
  keyAt(segments: readonly string[], key: string): SourcePosition {
    const parent = this.resolve(this.nodeAt(segments));
    const pair = findPair(parent, key);
    return this.position(pair?.key) ?? this.valueAt(segments);
  }

  private nodeAt(segments: readonly string[]): unknown {
    let node: unknown = this.doc?.contents;
    for (const segment of segments) {
      node = this.resolve(node);
      if (isMap(node)) node = findPair(node, segment)?.value;
      else if (isSeq(node)) node = node.items[Number(segment)];
      else return undefined;
    }
    return node;
  }

  private resolve(node: unknown): unknown {
    if (isAlias(node) && this.doc) return node.resolve(this.doc) ?? node;
    return node;
  }

  private position(node: unknown): SourcePosition | undefined {
    const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
    // An empty value (`port:` and nothing else) has a zero-width range past the colon; the key's
    // position, found one step earlier, reads better.
    if (!range || range[0] === range[1]) return undefined;
    return this.offset(range[0]);
  }

  /** 1-based position of a character offset. */
  offset(offset: number): SourcePosition {
    const { line, col } = this.lines.linePos(offset);
    return { line, column: col };
  }
}
