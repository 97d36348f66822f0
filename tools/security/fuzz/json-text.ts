/**
 * JSON text with holes for what JSON.stringify cannot write: bare NaN/Infinity tokens, raw control characters, and
 * nesting thousands of levels deep (written as text, never built as objects).
 * @module
 */

/** Text put into the JSON as it is. */
export class RawJson {
  constructor(readonly text: string) {}
}

/** `depth` levels of arrays or objects around `1`. */
export const deepNesting = (depth: number, kind: 'array' | 'object') =>
  new RawJson(kind === 'array' ? `${'['.repeat(depth)}1${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`)

/** Like JSON.stringify, with RawJson values written verbatim. */
export function toJsonText(value: unknown): string {
  if (value instanceof RawJson) return value.text
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : toJsonText(v))).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined)
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${toJsonText(v)}`).join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}

/**
 * Whether the text is JSON whose top level is an object (what every request body schema starts with). A leading
 * byte order mark is dropped first, as the Fetch standard's `json()` does.
 */
export function isJsonObjectText(text: string): boolean {
  try {
    const parsed: unknown = JSON.parse(text.replace(/^\uFEFF/, ''))
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)
  } catch {
    return false
  }
}
