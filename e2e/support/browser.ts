import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { chromium } from 'playwright-core'
import { findOrInstallChromium } from './chromium'

export const E2E_EXTENSION_DIR = path.resolve(import.meta.dirname, '../../.output/chrome-mv3-e2e')

/** A new headless Chromium profile with the built extension loaded; resolves its extension id too. */
export async function launchWithExtension(extensionDir = E2E_EXTENSION_DIR) {
  const context = await chromium.launchPersistentContext(mkdtempSync(path.join(tmpdir(), 'protiv-e2e-')), {
    executablePath: findOrInstallChromium(),
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  })
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }))
  const extensionId = new URL(worker.url()).host
  return { context, extensionId }
}
