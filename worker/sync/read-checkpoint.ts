/**
 * Reads a stored checkpoint with its stream's schema. Checkpoints outlive deploys: one written by an older
 * version may no longer fit. Resuming from a misread position could skip records (or, for a presence pass,
 * soft-delete them), so such a checkpoint is dropped and the pass starts over from the stream's cursor, which
 * is kept: the worst case is re-reading one pass, never losing data or crashing the run.
 * @module
 */
import { z } from 'zod'

export type CheckpointRead<Checkpoint> =
  | { checkpoint: Checkpoint | null; discarded: null }
  /** The stored checkpoint did not parse: `why` says how, for the log. */
  | { checkpoint: null; discarded: { why: string } }

export function readCheckpoint<Checkpoint>(schema: z.ZodType<Checkpoint>, stored: unknown): CheckpointRead<Checkpoint> {
  if (stored === null || stored === undefined) return { checkpoint: null, discarded: null }
  const parsed = schema.safeParse(stored)
  if (parsed.success) return { checkpoint: parsed.data, discarded: null }
  return { checkpoint: null, discarded: { why: z.prettifyError(parsed.error).replace(/\s+/g, ' ').slice(0, 500) } }
}
