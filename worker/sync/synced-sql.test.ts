import { describe, expect, it } from 'vitest'
import { jsonChunks, utf8Length } from './synced-sql'

describe('jsonChunks', () => {
  it('should measure UTF-8 bytes, not characters', () => {
    for (const text of ['plain', 'לא\u202E', '👷🏽‍♀️ crew', '']) expect(utf8Length(text), text).toBe(new TextEncoder().encode(text).length)
  })

  it('should keep every chunk within the byte limit when names are emoji and right-to-left text', () => {
    // 10,000-character names of 3-byte characters: 30 KB each, far more bytes than characters.
    const rows = Array.from({ length: 200 }, (_, i) => ({ externalId: String(i), name: '\u202Eלא\u200B'.repeat(2500) }))
    const chunks = jsonChunks(rows)
    expect(chunks.length).toBeGreaterThan(1)
    for (const chunk of chunks) expect(new TextEncoder().encode(chunk).length).toBeLessThanOrEqual(900_000)
    expect(chunks.flatMap((c) => JSON.parse(c) as unknown[])).toEqual(rows)
  })
})
