import { defineConfig } from 'wxt'

/**
 * The extension's API origin is fixed at build time so its host permission can be exact.
 * `PROTIV_API_ORIGIN` overrides the local default (the production origin for store builds).
 */
const apiOrigin = process.env.PROTIV_API_ORIGIN ?? 'http://127.0.0.1:8787'

export default defineConfig({
  srcDir: 'extension',
  outDir: '.output',
  webExt: { disabled: true },
  manifest: {
    name: 'Protiv Connect',
    description: 'Sync status and ProPay bonuses inside Aspire, Buildertrend and ExakTime.',
    // `cookies` with buildertrend.net alone: "Connect with this signed-in account" reads that site's session (#14).
    permissions: ['storage', 'cookies'],
    host_permissions: [`${apiOrigin}/*`, 'https://buildertrend.net/*'],
  },
  vite: () => ({
    define: { __PROTIV_DEFAULT_API__: JSON.stringify(apiOrigin) },
  }),
})
