/**
 * Where Buildertrend's web app lives (docs/vendors/buildertrend.md §2: `/app/...` on buildertrend.net). Everything that
 * depends on Buildertrend's pages stays in this folder.
 * @module
 */
export const buildertrendSite = {
  vendor: 'buildertrend',
  name: 'Buildertrend',
  matches: ['https://buildertrend.net/*', 'https://*.buildertrend.net/*'],
} as const
