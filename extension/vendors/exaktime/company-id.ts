/**
 * The Company ID is the subdomain of the company's ExakTime Connect address (`acme.exaktime.com` → `acme`;
 * docs/vendors/exaktime.md §1), so the panel can prefill it from the page it sits on. Pure.
 * @module
 */

/** Subdomains of exaktime.com that are ExakTime's own, not a company's. */
const NOT_A_COMPANY = new Set(['www', 'api', 'help', 'support', 'status', 'login', 'blog', 'docs', 'hub', 'my'])

/**
 * The Company ID a page's hostname names, lowercased (subdomains are case-insensitive and the backend
 * stores one spelling); null on exaktime.com itself, its own subdomains, deeper hosts, and other sites.
 */
export function companyIdFromHostname(hostname: string): string | null {
  const match = /^([a-z0-9][a-z0-9-]*)\.exaktime\.com\.?$/i.exec(hostname.trim())
  if (!match) return null
  const companyId = match[1]!.toLowerCase()
  return NOT_A_COMPANY.has(companyId) ? null : companyId
}
