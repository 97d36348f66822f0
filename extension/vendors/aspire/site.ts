/**
 * Where Aspire's web app lives. Everything that depends on Aspire's pages stays in this folder.
 * @module
 */
export const aspireSite = {
  vendor: 'aspire',
  name: 'Aspire',
  matches: ['https://cloud.youraspire.com/*'],
} as const
