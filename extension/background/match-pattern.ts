/**
 * Chrome's match patterns (`https://*.exaktime.com/*`), as the manifest's content scripts use them, applied to a URL
 * here so the background recognises a content script by the same patterns that injected it.
 * @module
 */

const PATTERN = /^(\*|https?):\/\/(\*|(?:\*\.)?[^/*]+)(\/.*)$/
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Whether `url` matches `pattern` (schemes http/https/*; host exact, `*.` for the domain and its subdomains; path glob). */
export function matchesPattern(pattern: string, url: URL): boolean {
  const parts = PATTERN.exec(pattern)
  if (!parts) return false
  const [, scheme, host, path] = parts as unknown as [string, string, string, string]
  if (scheme === '*' ? url.protocol !== 'http:' && url.protocol !== 'https:' : url.protocol !== `${scheme}:`) return false
  if (host.startsWith('*.')) {
    const domain = host.slice(2)
    if (url.hostname !== domain && !url.hostname.endsWith(`.${domain}`)) return false
  } else if (host !== '*' && url.hostname !== host) return false
  return new RegExp(`^${path.split('*').map(escapeRegExp).join('.*')}$`).test(url.pathname + url.search)
}
