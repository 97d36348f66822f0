import { defineConfig } from 'wxt'
import { apiOrigin, checkApiOrigin } from './tools/build/api-origin'
import { aspireSite } from './extension/vendors/aspire/site'
import { buildertrendSite } from './extension/vendors/buildertrend/site'
import { exaktimeSite } from './extension/vendors/exaktime/site'

/**
 * The extension's API origin is fixed at build time so its host permission can be exact: `PROTIV_API_ORIGIN`,
 * required for production builds (tools/build/api-origin.ts); developer modes (development, e2e) default to the
 * local worker and show the vendor-address fields (`import.meta.env.MODE !== 'production'`).
 */
export default defineConfig({
  srcDir: 'extension',
  outDir: '.output',
  webExt: { disabled: true },
  manifest: () => ({
    name: 'Protiv Connect',
    description: 'Sync status and ProPay bonuses inside Aspire, Buildertrend and ExakTime.',
    // `cookies` with buildertrend.net alone: "Connect with this signed-in account" reads that site's session (#14).
    permissions: ['storage', 'cookies'],
    host_permissions: [`${apiOrigin()}/*`, 'https://buildertrend.net/*'],
    // The panel and breakdown frames (#15): loadable only inside the vendors' pages, where our content scripts mount them.
    web_accessible_resources: [
      { resources: ['panel.html', 'breakdown.html'], matches: [...aspireSite.matches, ...buildertrendSite.matches, ...exaktimeSite.matches] },
    ],
  }),
  vite: () => ({
    define: { __PROTIV_DEFAULT_API__: JSON.stringify(apiOrigin()) },
  }),
  hooks: {
    // Before a build or zip only: `wxt prepare` and the unit tests resolve this config as "production" too.
    'build:before': (wxt) => checkApiOrigin(wxt.config.mode),
  },
})
