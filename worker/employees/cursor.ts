/**
 * The opaque page cursor of the employee list: the last row's (name, id) as base64url JSON. Names may hold any
 * text, so they are encoded rather than joined with a separator.
 * @module
 */
import { z } from 'zod'

const Position = z.strictObject({ name: z.string().max(1000), id: z.string().min(1).max(100) })
export type Position = z.infer<typeof Position>

export const encodeCursor = (position: Position) => {
  const bytes = new TextEncoder().encode(JSON.stringify(position))
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

/** The position, or null for anything that is not a cursor we made. */
export function decodeCursor(cursor: string): Position | null {
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) return null
  try {
    const binary = atob(cursor.replace(/-/g, '+').replace(/_/g, '/'))
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(Uint8Array.from(binary, (ch) => ch.charCodeAt(0)))
    const parsed = Position.safeParse(JSON.parse(text))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}
