/**
 * The backend origin the extension is built for (#15). It is fixed at build time so the manifest's host permission
 * can be exact. Developer builds (`npm start` builds with `--mode development`, the e2e suite with `--mode e2e`) fall
 * back to the local worker; a production build (`wxt build` / `wxt zip`, mode "production") must be told the real
 * origin, or it would ship pointing at 127.0.0.1.
 * @module
 */

export const LOCAL_API_ORIGIN = 'http://127.0.0.1:8787'

type Env = Record<string, string | undefined>

/** What the build bakes in: `PROTIV_API_ORIGIN`, else the local worker (checked by `checkApiOrigin` before a build). */
export const apiOrigin = (env: Env = process.env): string => env.PROTIV_API_ORIGIN?.trim() || LOCAL_API_ORIGIN

/**
 * Throws, saying what to set, when a production build has no usable `PROTIV_API_ORIGIN`. Not called while WXT only
 * prepares types or runs unit tests (those resolve the config as "production" too, and need no backend).
 */
export function checkApiOrigin(mode: string, env: Env = process.env): void {
  if (mode !== 'production') return
  const raw = env.PROTIV_API_ORIGIN?.trim()
  const example = 'PROTIV_API_ORIGIN=https://api.example.com npm run zip'
  if (!raw) {
    throw new Error(
      `PROTIV_API_ORIGIN is not set: a production build needs the backend's https origin, e.g. ${example}. ` +
        `Without it the extension would talk to ${LOCAL_API_ORIGIN}. For a developer build use --mode development (npm start does).`,
    )
  }
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new Error(`PROTIV_API_ORIGIN "${raw}" is not a web address: give the backend's https origin, e.g. ${example}.`)
  }
  if (url.protocol !== 'https:' || url.origin !== raw.replace(/\/$/, '')) {
    throw new Error(`PROTIV_API_ORIGIN "${raw}" must be an https origin with no path (e.g. https://api.example.com) in a production build.`)
  }
}
