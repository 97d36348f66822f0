/** Turns what a person types as the backend address into an origin, or explains what is wrong. */
export function normalizeApiBaseUrl(input: string): string {
  const text = input.trim()
  let url: URL
  try {
    url = new URL(/^[a-z]+:\/\//i.test(text) ? text : `https://${text}`)
  } catch {
    throw new Error(`"${text}" is not a web address. Example: https://api.protiv.com`)
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('The backend address must start with https://')
  const local = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)
  if (url.protocol === 'http:' && !local) throw new Error('Use https:// for a backend that is not on this computer.')
  return url.origin
}
