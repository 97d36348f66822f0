import { mkdtempSync, readFileSync, writeFileSync, existsSync, mkdirSync, statSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { MINIFLARE_CHROME_VERSION, seedLocalBrowser } from './local-browser'

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'local-browser-'))
const executableIn = (cache: string) => path.join(cache, 'chrome', `linux-${MINIFLARE_CHROME_VERSION}`, 'chrome-linux64', 'chrome')

describe('seeding miniflare browser cache with the system Chromium', () => {
  it('should write an executable launcher and the install marker where miniflare looks', () => {
    const cache = tmp()
    const chromium = path.join(cache, 'fake-chromium')
    writeFileSync(chromium, '')
    expect(seedLocalBrowser(chromium, cache)).toBe(executableIn(cache))
    expect(readFileSync(executableIn(cache), 'utf8')).toContain(`exec ${chromium} --no-sandbox "$@"`)
    expect(statSync(executableIn(cache)).mode & 0o111).not.toBe(0)
    expect(existsSync(path.join(path.dirname(path.dirname(executableIn(cache))), '.miniflare-install-complete'))).toBe(true)
  })

  it('should leave a real downloaded Chrome alone', () => {
    const cache = tmp()
    mkdirSync(path.dirname(executableIn(cache)), { recursive: true })
    writeFileSync(executableIn(cache), 'ELF real chrome')
    expect(seedLocalBrowser(path.join(cache, 'fake-chromium'), cache)).toBe(executableIn(cache))
    expect(readFileSync(executableIn(cache), 'utf8')).toBe('ELF real chrome')
  })

  it('should do nothing without a system Chromium', () => {
    const cache = tmp()
    expect(seedLocalBrowser(path.join(cache, 'missing'), cache)).toBeNull()
    expect(existsSync(executableIn(cache))).toBe(false)
  })
})
