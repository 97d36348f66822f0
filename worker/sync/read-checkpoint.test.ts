import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { readCheckpoint } from './read-checkpoint'

const schema = z.object({ afterId: z.number(), page: z.number() })

describe('readCheckpoint', () => {
  it('should read no stored checkpoint as the start of a pass', () => {
    expect(readCheckpoint(schema, null)).toEqual({ checkpoint: null, discarded: null })
    expect(readCheckpoint(schema, undefined)).toEqual({ checkpoint: null, discarded: null })
  })

  it('should give the stream its typed checkpoint, dropping keys it no longer knows', () => {
    expect(readCheckpoint(schema, { afterId: 7, page: 2, retired: true })).toEqual({ checkpoint: { afterId: 7, page: 2 }, discarded: null })
  })

  it('should discard a checkpoint of another shape, saying why, instead of throwing', () => {
    const read = readCheckpoint(schema, { afterId: '7' })
    expect(read.checkpoint).toBeNull()
    expect(read.discarded?.why).toMatch(/afterId/)
    expect(read.discarded?.why).toMatch(/page/)
    expect(readCheckpoint(schema, 'garbage').discarded).not.toBeNull()
  })
})
