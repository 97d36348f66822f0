/**
 * Finds the id-like fields of a request schema (`connectionId`, `crewLeadIds`, `disqualifiers[].id`, …) by walking
 * the zod schema, so the tenant-isolation probe can insist that it knows how to fill every one of them.
 * @module
 */
import type { z } from 'zod'

/** A field name that names something by id: `id`, `…Id`, `…Ids`, `…_id`, `…ID`. */
export const isIdName = (name: string) => /(^id$|Id$|Ids$|_id$|ID$)/.test(name)

interface Def {
  type: string
  shape?: Record<string, z.ZodType>
  innerType?: z.ZodType
  in?: z.ZodType
  out?: z.ZodType
  element?: z.ZodType
  valueType?: z.ZodType
  options?: z.ZodType[]
  left?: z.ZodType
  right?: z.ZodType
  getter?: () => z.ZodType
}

const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def

/**
 * Dotted paths of the id-like fields, arrays marked `[]`: e.g. `people.crewLeadIds`, `excludedJobs[].connectionId`.
 * Record keys are not fields and are not reported.
 */
export function idFieldPaths(schema: z.ZodType | undefined): string[] {
  const found = new Set<string>()
  const seen = new Set<z.ZodType>()
  const walk = (s: z.ZodType, path: string) => {
    if (seen.has(s)) return
    seen.add(s)
    const def = defOf(s)
    switch (def.type) {
      case 'object':
        for (const [key, child] of Object.entries(def.shape ?? {})) {
          const childPath = path ? `${path}.${key}` : key
          if (isIdName(key)) found.add(childPath)
          walk(child, childPath)
        }
        break
      case 'array':
        walk(def.element!, `${path}[]`)
        break
      case 'record':
        walk(def.valueType!, `${path}{}`)
        break
      case 'union':
        for (const option of def.options ?? []) walk(option, path)
        break
      case 'intersection':
        walk(def.left!, path)
        walk(def.right!, path)
        break
      case 'pipe':
        walk(def.in!, path)
        walk(def.out!, path)
        break
      case 'lazy':
        walk(def.getter!(), path)
        break
      default:
        if (def.innerType) walk(def.innerType, path)
    }
    seen.delete(s)
  }
  if (schema) walk(schema, '')
  return [...found].sort()
}

/** Dotted paths (same notation) of every id-like field present in a value, e.g. a request body built by hand. */
export function idPathsIn(value: unknown, path = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((item) => idPathsIn(item, `${path}[]`))
  if (value === null || typeof value !== 'object') return []
  return Object.entries(value).flatMap(([key, child]) => {
    const childPath = path ? `${path}.${key}` : key
    return [...(isIdName(key) ? [childPath] : []), ...idPathsIn(child, childPath)]
  })
}
