/**
 * Validates a write body against its request schema in the OpenAPI document, the way ASP.NET model
 * binding behaves: required fields must be present, JSON types must match, a missing non-nullable number
 * becomes 0 and then meets its `minimum` (which is why `ContactID` is "effectively required" on
 * WorkTicketTimes), and unknown properties are ignored. Property names are matched exactly (README).
 * @module
 */
import { validationFailed, type FieldErrors } from '../api-error'
import { normalizeDateTime } from '../time/local-time'
import { schemaByName, type SchemaObject } from './openapi'

const INT32_MAX = 2147483647

export function validateBody(schemaName: string, body: unknown): Record<string, unknown> {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw validationFailed({ '': ['A non-empty request body is required.'] })
  }
  const schema = schemaByName(schemaName)
  const required = new Set(schema.required ?? [])
  const input = body as Record<string, unknown>
  const value: Record<string, unknown> = {}
  const errors: FieldErrors = {}
  const fail = (name: string, message: string) => {
    errors[name] = [...(errors[name] ?? []), message]
  }
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    let raw = input[name]
    if (raw === undefined || raw === null) {
      if (required.has(name)) {
        fail(name, `The ${name} field is required.`)
        continue
      }
      if (raw === null && property.nullable) {
        value[name] = null
        continue
      }
      if (raw === null) {
        fail(name, `The JSON value could not be converted to ${clrType(property)}. Path: $.${name}`)
        continue
      }
      raw = property.nullable ? null : defaultOf(property)
      if (raw === null) {
        value[name] = null
        continue
      }
    }
    const converted = convert(property, raw)
    if (converted === undefined) {
      fail(name, `The JSON value could not be converted to ${clrType(property)}. Path: $.${name}`)
      continue
    }
    if (typeof converted === 'number' && property.minimum !== undefined && converted < property.minimum) {
      const max = property.type === 'integer' ? INT32_MAX : Number.MAX_VALUE
      fail(name, `The field ${name} must be between ${property.minimum} and ${max}.`)
      continue
    }
    value[name] = converted
  }
  if (Object.keys(errors).length > 0) throw validationFailed(errors)
  return value
}

function defaultOf(property: SchemaObject): unknown {
  if (property.type === 'integer' || property.type === 'number') return 0
  if (property.type === 'boolean') return false
  return null
}

function convert(property: SchemaObject, raw: unknown): unknown {
  switch (property.type) {
    case 'integer':
      return typeof raw === 'number' && Number.isInteger(raw) && Math.abs(raw) <= INT32_MAX ? raw : undefined
    case 'number':
      return typeof raw === 'number' && Number.isFinite(raw) ? raw : undefined
    case 'boolean':
      return typeof raw === 'boolean' ? raw : undefined
    case 'string':
      if (typeof raw !== 'string') return undefined
      return property.format === 'date-time' ? (normalizeDateTime(raw) ?? undefined) : raw
    default:
      return raw
  }
}

function clrType(property: SchemaObject): string {
  if (property.type === 'integer') return 'System.Int32'
  if (property.type === 'number') return property.format === 'decimal' ? 'System.Decimal' : 'System.Double'
  if (property.type === 'boolean') return 'System.Boolean'
  if (property.format === 'date-time') return 'System.DateTime'
  return 'System.String'
}
