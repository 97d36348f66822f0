import type { Env as WorkerEnv } from '../../worker/env'

declare global {
  namespace Cloudflare {
    interface Env extends WorkerEnv {
      TEST_MIGRATIONS: import('cloudflare:test').D1Migration[]
      /** The API fuzzer's seed and total request count; empty for the defaults. */
      FUZZ_SEED: string
      FUZZ_REQUESTS: string
    }
  }
}
