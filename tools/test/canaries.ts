/**
 * Recognisable fake credentials and a scanner that finds them, or simple encodings of them, in any text.
 * Used to prove that credentials reach no response, log line or database column.
 * @module
 */

/** A unique, recognisable credential. Mixed case and `+/=` so lowercase, URL- and base64 forms all differ from it. */
export const canary = (what: string) => `Canary-${what}-${crypto.randomUUID().slice(0, 13)}+Zq/x=`

export interface Seen {
  /** Where the text was seen: "GET /api/v1/connections → 200", "console.error", "D1 connections.account_label". */
  where: string
  text: string
}

const utf8 = (text: string) => new TextEncoder().encode(text)
const base64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes))

/**
 * The base64 forms of a secret wherever it sits in a longer encoded text (e.g. `user:secret` in a Basic
 * header): one per byte alignment, without the characters that depend on the neighbouring bytes.
 */
function base64Forms(secret: string): string[] {
  const bytes = utf8(secret)
  const forms: string[] = []
  for (let pad = 0; pad < 3; pad++) {
    const padded = new Uint8Array(pad + bytes.length)
    padded.set(bytes, pad)
    const encoded = base64(padded)
    // Characters whose 6 bits mix padding bytes or whatever follows the secret are left out.
    const start = pad === 0 ? 0 : 4
    const end = Math.floor((pad + bytes.length) / 3) * 4
    const stable = encoded.slice(start, end)
    forms.push(stable, stable.replace(/\+/g, '-').replace(/\//g, '_'))
  }
  return forms
}

/** Forms compared case-insensitively (so lowercase and uppercase copies count), and base64 forms compared exactly. */
export function needlesOf(secret: string) {
  return {
    anyCase: [secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)].map((s) => s.toLowerCase()),
    exact: base64Forms(secret),
  }
}

/** Every place one of the secrets shows up, with the form it took. */
export function findLeaks(secrets: readonly string[], seen: readonly Seen[]): string[] {
  const leaks: string[] = []
  for (const secret of secrets) {
    const { anyCase, exact } = needlesOf(secret)
    for (const { where, text } of seen) {
      const lower = text.toLowerCase()
      const hit = anyCase.find((n) => lower.includes(n)) ?? exact.find((n) => text.includes(n))
      if (hit !== undefined) leaks.push(`${secret} in ${where} (as ${hit})`)
    }
  }
  return leaks
}
