/** Reads and validates a control API body; an empty body counts as `{}`. */
import type { Context } from 'hono'
import { z } from 'zod'
import { ApiError } from '../api-error'

export async function parseBody<T extends z.ZodType>(c: Context, schema: T): Promise<z.infer<T>> {
  const text = await c.req.text()
  let json: unknown = {}
  if (text.trim() !== '') {
    try {
      json = JSON.parse(text)
    } catch {
      throw new ApiError(400, 'The body is not valid JSON.')
    }
  }
  const result = schema.safeParse(json)
  if (!result.success) throw new ApiError(400, z.prettifyError(result.error))
  return result.data
}
