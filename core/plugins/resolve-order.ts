export interface Node {
  id: string;
  requires: string[];
  optional: string[];
}

/**
 * Orders plugins so that every dependency comes before its dependents, and finds the cycles among
 * hard dependencies (each reported as a path `a → b → a`). Optional dependencies order plugins when
 * both are present, but never make a cycle: an optional edge that would close one is ignored.
 */
export function resolveOrder(nodes: Node[]): { order: string[]; cycles: Map<string, string[]> } {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const cycles = new Map<string, string[]>();

  // Hard cycles first: a DFS over `requires` that remembers the current path.
  const state = new Map<string, 'visiting' | 'done'>();
  const path: string[] = [];
  const visitHard = (id: string) => {
    state.set(id, 'visiting');
    path.push(id);
    for (const dep of byId.get(id)?.requires ?? []) {
      if (!byId.has(dep)) continue;
      if (state.get(dep) === 'visiting') {
        const cycle = [...path.slice(path.indexOf(dep)), dep];
        for (const member of cycle) if (!cycles.has(member)) cycles.set(member, cycle);
      } else if (!state.has(dep)) {
        visitHard(dep);
      }
    }
    path.pop();
    state.set(id, 'done');
  };
  for (const n of nodes) if (!state.has(n.id)) visitHard(n.id);

  const reaches = (from: string, to: string): boolean => {
    const seen = new Set<string>();
    const stack = [from];
    while (stack.length) {
      const id = stack.pop()!;
      if (id === to) return true;
      if (seen.has(id)) continue;
      seen.add(id);
      const n = byId.get(id);
      if (n) stack.push(...n.requires, ...n.optional);
    }
    return false;
  };

  const order: string[] = [];
  const placed = new Set<string>();
  const onStack = new Set<string>();
  const place = (id: string) => {
    if (placed.has(id) || onStack.has(id)) return;
    onStack.add(id);
    const node = byId.get(id)!;
    for (const dep of node.requires) if (byId.has(dep)) place(dep);
    // Following an optional edge that leads back here would let the DFS skip a hard edge further
    // down (its target would be on the stack), placing a plugin before one it requires.
    for (const dep of node.optional) if (byId.has(dep) && !reaches(dep, id)) place(dep);
    onStack.delete(id);
    placed.add(id);
    order.push(id);
  };
  for (const n of [...nodes].sort((a, b) => a.id.localeCompare(b.id))) place(n.id);
  return { order, cycles };
}
