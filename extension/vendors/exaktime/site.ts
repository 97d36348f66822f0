/**
 * Where ExakTime Connect lives: one address per company, `{companyId}.exaktime.com` (docs/vendors/exaktime.md §1).
 * Everything that depends on ExakTime's pages stays in this folder.
 * @module
 */
export const exaktimeSite = {
  vendor: 'exaktime',
  name: 'ExakTime',
  matches: ['https://*.exaktime.com/*'],
} as const
