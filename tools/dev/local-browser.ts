/**
 * Local Browser Rendering on Debian's Chromium, offline. Miniflare (wrangler dev and @cloudflare/vitest-plugin) serves
 * the `[browser]` binding by launching Chrome for Testing 126.0.6478.182 from the global Wrangler cache
 * (`$XDG_CACHE_HOME/.wrangler`, default `~/.cache/.wrangler`), downloading it when the folder or its executable is
 * missing; with no internet that fails (docs/design/browser-transport.md §5). Its check is only "the folder
 * `chrome/linux-<version>/` exists and `chrome-linux64/chrome` in it exists" (miniflare `installUrl`, plus the
 * `.miniflare-install-complete` marker it writes after a launch). So we put a two-line launcher there that runs the
 * system Chromium with miniflare's own arguments. Never overwrites a real downloaded Chrome.
 * @module
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/** miniflare's `BROWSER_VERSION` (node_modules/miniflare/dist/src/index.js): the folder name it looks for. */
export const MINIFLARE_CHROME_VERSION = '126.0.6478.182'
export const SYSTEM_CHROMIUM = '/usr/lib/chromium/chromium'
const MARK = '# protiv: launcher for the system Chromium'

export function wranglerCacheDir(env = process.env) {
  return path.join(env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), '.wrangler')
}

/** The launcher's path when it is in place (or a real Chrome is), null when there is no system Chromium to point at. */
export function seedLocalBrowser(chromium = SYSTEM_CHROMIUM, cacheDir = wranglerCacheDir()): string | null {
  const installDir = path.join(cacheDir, 'chrome', `linux-${MINIFLARE_CHROME_VERSION}`)
  const executable = path.join(installDir, 'chrome-linux64', 'chrome')
  if (existsSync(executable) && !readFileSync(executable, 'utf8').includes(MARK)) return executable
  if (!existsSync(chromium)) return null
  mkdirSync(path.dirname(executable), { recursive: true })
  // --no-sandbox: the dev machines and CI run as root, where Chromium's sandbox refuses to start.
  writeFileSync(executable, `#!/bin/sh\n${MARK}\nexec ${chromium} --no-sandbox "$@"\n`, { mode: 0o755 })
  writeFileSync(path.join(installDir, '.miniflare-install-complete'), '')
  return executable
}

if (import.meta.main) console.log(seedLocalBrowser() ?? `no Chromium at ${SYSTEM_CHROMIUM}: local Browser Rendering stays off`)
