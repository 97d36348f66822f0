/**
 * Hostile text the sandboxes mix into names when a tenant is created with `hostile: true`: markup and script that
 * would run if any panel ever rendered vendor text as HTML (each sets `window.__xss`, which tests watch), SQL, bidi
 * overrides, zero-width characters, emoji and very long strings. Shared by the three sandboxes; pure and indexed,
 * so each sandbox stays deterministic from its own seed.
 * @module
 */

/** Every payload here is harmless as text and sets `window.__xss` if interpreted as HTML or script. */
export const MARKUP_PAYLOADS = [
  '<img src=x onerror=window.__xss=1>',
  '<script>window.__xss=1</script>',
  '"><svg onload=window.__xss=1>',
  "'; DROP TABLE jobs;--",
  '<a href="javascript:window.__xss=1">x</a>',
  '<iframe srcdoc="<script>parent.__xss=1</script>">',
] as const

/** Right-to-left override, zero-width joiner/space and a skin-toned emoji sequence. */
export const UNICODE_PAYLOADS = ['\u202Eevil\u202C \u200Bzero\u200Dwidth', '👷🏽‍♀️ crew 🚜🌳'] as const

export const HOSTILE_PAYLOADS: readonly string[] = [...MARKUP_PAYLOADS, ...UNICODE_PAYLOADS]

export const LONG_TEXT_LENGTH = 10_000

/** Cuts to `max` code points, never splitting a surrogate pair (OpenAPI's maxLength counts code points). */
export function cutTo(text: string, max: number): string {
  const points = Array.from(text)
  return points.length <= max ? text : points.slice(0, max).join('')
}

/** A string of exactly `length` code points: a payload, then RTL text, zero-width characters and emoji. */
export function longText(length: number, index = 0): string {
  const filler = '\u202Eלא\u202C \u200B👷🏽 '
  const start = `${HOSTILE_PAYLOADS[index % HOSTILE_PAYLOADS.length]} `
  const points = Array.from(start)
  const fill = Array.from(filler)
  for (let i = 0; points.length < length; i++) points.push(fill[i % fill.length]!)
  return points.slice(0, length).join('')
}

/**
 * The hostile version of a name: by `index`, one payload in front of the real name (so people can still tell
 * rows apart), and every seventh a long string. `maxLength` keeps it within what the vendor's schema allows.
 */
export function hostileName(original: string, index: number, maxLength = LONG_TEXT_LENGTH): string {
  if (index % 7 === 6) return longText(Math.min(maxLength, LONG_TEXT_LENGTH), index)
  return cutTo(`${HOSTILE_PAYLOADS[index % HOSTILE_PAYLOADS.length]} ${original}`, maxLength)
}
