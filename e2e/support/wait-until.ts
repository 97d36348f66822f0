/**
 * Polls `check` every 500 ms until it gives something truthy, and gives that; throws naming `what` once `timeoutMs`
 * has passed (a bound on waiting for the stack, never a timed assertion).
 */
export async function waitUntil<T>(what: string, check: () => Promise<T | null | undefined | false>, timeoutMs = 120_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await check()
    if (value) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 500))
  }
}
