/**
 * Finds Debian's Chromium, or installs it where we can (root with apt). Never skips: without a browser the
 * e2e test fails and names the one command that installs it.
 * @module
 */
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'

const CANDIDATES = ['/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/chromium-browser']
const INSTALL = 'apt-get update && apt-get install -y chromium'

const found = () => [process.env.CHROMIUM_PATH, ...CANDIDATES].find((p): p is string => !!p && existsSync(p))

export function findOrInstallChromium(): string {
  const existing = found()
  if (existing) return existing
  const isRoot = process.getuid?.() === 0
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    execFileSync('sh', ['-c', `${INSTALL} >/dev/null`], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } })
    const installed = found()
    if (installed) return installed
  }
  throw new Error(`Chromium is not installed. Install it with: sudo sh -c '${INSTALL}' (or set CHROMIUM_PATH).`)
}
