// What the vitest configs hand the workerd tests with `provide` (read with `inject`). Declared apart from
// the Node-side configs that provide it, so the workerd programs (worker/, tools/tsconfig.workerd.json)
// see the same types without pulling those Node files in.
export {}

declare module 'vitest' {
  export interface ProvidedContext {
    /** Base URLs of the vendor sandboxes, by vendor (tools/test/start-sandboxes.ts). */
    sandboxes: Record<string, string>
    /** The chaos run count, first seed and vendor filter (tools/chaos/vitest.config.ts). */
    chaos: { runs: number; seed: number; vendor: string | null }
  }
}
