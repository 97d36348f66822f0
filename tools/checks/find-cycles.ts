/**
 * Import cycles in a module graph. Strongly connected components (Tarjan) find every module that sits on some
 * cycle; each component is then reported as a few concrete cycles (the shortest through each module not yet
 * shown), because a component of many modules lists far too many elementary cycles to print them all, while a
 * person fixing it needs a path chain to follow.
 * @module
 */

/** Module → the modules it imports (only modules of the graph). */
export type ImportGraph = ReadonlyMap<string, ReadonlySet<string>>

/** Strongly connected components that hold a cycle (more than one module, or a module importing itself). */
export function cyclicComponents(graph: ImportGraph): string[][] {
  let counter = 0
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const onStack = new Set<string>()
  const components: string[][] = []
  const nodes = [...graph.keys()].sort()

  // Iterative, so a long import chain cannot overflow the call stack.
  for (const root of nodes) {
    if (index.has(root)) continue
    const work: Array<{ node: string; next: Iterator<string> }> = []
    const enter = (node: string) => {
      index.set(node, counter)
      low.set(node, counter++)
      stack.push(node)
      onStack.add(node)
      work.push({ node, next: [...(graph.get(node) ?? [])].sort()[Symbol.iterator]() })
    }
    enter(root)
    while (work.length) {
      const frame = work.at(-1)!
      const step = frame.next.next()
      if (!step.done) {
        const to = step.value
        if (!graph.has(to)) continue
        if (!index.has(to)) enter(to)
        else if (onStack.has(to)) low.set(frame.node, Math.min(low.get(frame.node)!, index.get(to)!))
        continue
      }
      work.pop()
      const parent = work.at(-1)
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!))
      if (low.get(frame.node) !== index.get(frame.node)) continue
      const component: string[] = []
      let member: string
      do {
        member = stack.pop()!
        onStack.delete(member)
        component.push(member)
      } while (member !== frame.node)
      const selfLoop = component.length === 1 && graph.get(frame.node)?.has(frame.node)
      if (component.length > 1 || selfLoop) components.push(component.sort())
    }
  }
  return components.sort((a, b) => a[0]!.localeCompare(b[0]!))
}

/** The shortest cycle from `start` back to itself within `members` (breadth first), as a chain ending at `start`. */
function shortestCycle(graph: ImportGraph, members: ReadonlySet<string>, start: string): string[] {
  const previous = new Map<string, string>()
  const queue = [start]
  for (let i = 0; i < queue.length; i++) {
    const node = queue[i]!
    for (const to of [...(graph.get(node) ?? [])].sort()) {
      if (!members.has(to)) continue
      if (to === start) {
        const chain = [node]
        while (chain[0] !== start) chain.unshift(previous.get(chain[0]!)!)
        return [...chain, start]
      }
      if (!previous.has(to)) {
        previous.set(to, node)
        queue.push(to)
      }
    }
  }
  throw new Error(`${start} is on no cycle within its component`)
}

/** Every module on a cycle appears in at least one of these chains (`a → b → a` is `['a', 'b', 'a']`). */
export function findCycles(graph: ImportGraph): string[][] {
  const cycles: string[][] = []
  for (const component of cyclicComponents(graph)) {
    const members = new Set(component)
    const shown = new Set<string>()
    for (const start of component) {
      if (shown.has(start)) continue
      const cycle = shortestCycle(graph, members, start)
      cycle.forEach((m) => shown.add(m))
      cycles.push(cycle)
    }
  }
  return cycles
}

export const formatCycle = (cycle: readonly string[]) => cycle.join(' → ')
