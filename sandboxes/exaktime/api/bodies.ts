/**
 * Request bodies of the writable REST resources. PUT replaces the whole object: a field left out is reset
 * to its default, not kept.
 * @module
 */
import type { Context } from 'hono'
import { z } from 'zod'
import { badRequest } from '../errors'

const date = z.iso.date().nullable().default(null)

export const JobBody = z.object({
  identifier: z.string().trim().min(1).max(50),
  name: z.string().trim().min(1).max(200),
  is_active: z.boolean().default(true),
  start_date: date,
  end_date: date,
  department: z.string().nullable().default(null),
  parent_job_id: z.number().int().nullable().default(null),
  location_ids: z.array(z.number().int()).default([]),
  all_locations: z.boolean().default(false),
  is_certified: z.boolean().default(false),
})

export const CostCodeBody = z.object({
  identifier: z.string().trim().min(1).max(50),
  name: z.string().trim().min(1).max(200),
  is_active: z.boolean().default(true),
  cost_type_id: z.number().int().nullable().default(null),
  display_option: z.enum(['default', 'system']).default('default'),
})

export async function readBody<T extends z.ZodType>(c: Context, schema: T): Promise<z.infer<T>> {
  let json: unknown
  try {
    json = JSON.parse((await c.req.text()) || '{}')
  } catch {
    throw badRequest('The body is not valid JSON.')
  }
  const parsed = schema.safeParse(json)
  if (!parsed.success) throw badRequest(z.prettifyError(parsed.error))
  return parsed.data
}
