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

  const order: string[] = [];
  const placed = new Set<string>();
  const onStack = new Set<string>();
  const place = (id: string) => {
    if (placed.has(id) || onStack.has(id)) return;
    onStack.add(id);
    const node = byId.get(id)!;
    for (const dep of [...node.requires, ...node.optional]) if (byId.has(dep)) place(dep);
    onStack.delete(id);
    placed.add(id);
    order.push(id);
  };
  for (const n of [...nodes].sort((a, b) => a.id.localeCompare(b.id))) place(n.id);
  return { order, cycles };
}
