/**
 * A D1 binding that "dies" at a chosen statement, as the isolate would if it were evicted mid-step: the
 * statement either never reaches the database (`before`) or commits and its answer is lost (`after`), and
 * every later call fails too. It wraps the real binding, so everything else is real D1.
 * @module
 */
export class IsolateDied extends Error {
  constructor(at: number) {
    super(`chaos: the isolate died at D1 call ${at}`)
    this.name = 'IsolateDied'
  }
}

/** Whether an error is the simulated death, however the database layer wrapped it (drizzle sets `cause`). */
export function isIsolateDeath(err: unknown): boolean {
  for (let e = err; e instanceof Error; e = e.cause) if (e instanceof IsolateDied) return true
  return false
}

export interface DeathPlan {
  /** Die on this call (1-based count of executed statements and batches); null never dies. */
  atCall: number | null
  when: 'before' | 'after'
}

export interface DyingD1 {
  db: D1Database
  readonly calls: number
  readonly died: boolean
}

type Unwrappable = D1PreparedStatement & { readonly real: D1PreparedStatement }

export function dyingD1(real: D1Database, plan: DeathPlan): DyingD1 {
  let calls = 0
  let died = false

  async function guarded<T>(run: () => Promise<T>): Promise<T> {
    if (died) throw new IsolateDied(calls)
    calls++
    if (plan.atCall !== null && calls === plan.atCall) {
      died = true
      if (plan.when === 'after') await run()
      throw new IsolateDied(calls)
    }
    return run()
  }

  const wrap = (statement: D1PreparedStatement): Unwrappable =>
    ({
      real: statement,
      bind: (...values: unknown[]) => wrap(statement.bind(...values)),
      first: (column?: string) => guarded(() => (column === undefined ? statement.first() : statement.first(column))),
      run: () => guarded(() => statement.run()),
      all: () => guarded(() => statement.all()),
      raw: (options?: { columnNames?: boolean }) => guarded(() => statement.raw(options as { columnNames: true })),
    }) as unknown as Unwrappable

  const db = {
    prepare: (query: string) => wrap(real.prepare(query)),
    batch: (statements: D1PreparedStatement[]) => guarded(() => real.batch(statements.map((s) => (s as Unwrappable).real ?? s))),
    exec: (query: string) => guarded(() => real.exec(query)),
    dump: () => real.dump(),
    withSession: () => {
      throw new Error('chaos: sessions are not used by the sync engine')
    },
  } as unknown as D1Database

  return {
    db,
    get calls() {
      return calls
    },
    get died() {
      return died
    },
  }
}
