/**
 * `JSON.stringify` of one scalar, character for character, without its cost per call: a sync writes ~20 values a
 * row for hundreds of thousands of rows, and calling `JSON.stringify` on each was half of a backfill's planning
 * (payloadArrayText, rowText). Strings with nothing to escape are quoted as they are; anything else, and any
 * non-scalar, goes to `JSON.stringify` itself, so the text (and the row hash taken of it) never differs.
 * @module
 */

/** Characters `JSON.stringify` escapes in a string: `"`, `\`, controls, and surrogates (escaped when alone). */
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/

export function jsonScalar(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return NEEDS_ESCAPE.test(value) ? JSON.stringify(value) : `"${value}"`
    case 'number':
      // JSON writes NaN and ±Infinity as null; a finite number as its shortest round-trip text, as String does.
      return Number.isFinite(value) ? String(value) : 'null'
    case 'boolean':
      return value ? 'true' : 'false'
    default:
      return value === null || value === undefined ? 'null' : JSON.stringify(value)
  }
}
