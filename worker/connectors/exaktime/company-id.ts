/**
 * The Company ID is the subdomain of the company's ExakTime Connect address (`CompanyName.exaktime.com` →
 * `CompanyName`) and has no spaces (docs/vendors/exaktime.md §1). People paste all sorts of things; each mistake gets a
 * message that says what to type instead.
 * @module
 */

export type CompanyIdResult = { ok: true; companyId: string } | { ok: false; message: string }

const WHERE = 'It is the part before .exaktime.com in the address you open ExakTime Connect at (CompanyName.exaktime.com → CompanyName).'

export function parseCompanyId(raw: string): CompanyIdResult {
  const value = raw.trim()
  if (!value) return { ok: false, message: `Company ID is required. ${WHERE}` }
  const host = /^(?:https?:\/\/)?([^/\s]+)\.exaktime\.com(?:[/:?#].*)?$/i.exec(value)
  if (host || /[/:]/.test(value)) {
    const hint = host ? ` For ${value} it is "${host[1]}".` : ''
    return { ok: false, message: `Enter only the Company ID, not a web address.${hint} ${WHERE}` }
  }
  if (/\s/.test(value)) return { ok: false, message: `A Company ID has no spaces ("${value}"). ${WHERE} It is not the weekly Company Setup Code used for mobile devices.` }
  if (!/^[A-Za-z0-9][A-Za-z0-9-]*$/.test(value)) return { ok: false, message: `A Company ID has only letters, digits and hyphens ("${value}"). ${WHERE}` }
  // Subdomains are case-insensitive; one spelling keeps the account label stable.
  return { ok: true, companyId: value.toLowerCase() }
}
