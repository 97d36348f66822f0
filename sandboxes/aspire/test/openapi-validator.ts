/**
 * Compiles response schemas of Aspire's OpenAPI 3.0 document with ajv: `nullable: true` becomes a JSON
 * Schema type union, `$ref`s point into one registered schema of all components, vendor keywords are
 * dropped, and the numeric formats of .NET (int32, double, decimal…) are registered. `date-time` is
 * checked against the form the sandbox promises (`YYYY-MM-DDTHH:mm:ss`, no offset).
 * @module
 */
import { Ajv, type ValidateFunction } from 'ajv'
import addFormats from 'ajv-formats'
import { openApi, SCHEMA_REF_PREFIX } from '../spec/openapi'

const COMPONENTS_ID = 'aspire-components'

function convert(node: unknown, allRequired: boolean): unknown {
  if (Array.isArray(node)) return node.map((item) => convert(item, allRequired))
  if (node === null || typeof node !== 'object') return node
  const source = node as Record<string, unknown>
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(source)) {
    if (key === 'nullable' || key.startsWith('x-') || key === 'example') continue
    if (key === '$ref' && typeof value === 'string') out.$ref = `${COMPONENTS_ID}#/$defs/${value.slice(SCHEMA_REF_PREFIX.length)}`
    else if (key === 'properties') out.properties = Object.fromEntries(Object.entries(value as object).map(([name, schema]) => [name, convert(schema, allRequired)]))
    else out[key] = convert(value, allRequired)
  }
  if (allRequired && out.properties) out.required = Object.keys(out.properties as object)
  if (source.nullable !== true) return out
  if (typeof out.type === 'string') {
    out.type = [out.type, 'null']
    if (Array.isArray(out.enum)) out.enum = [...out.enum, null]
    return out
  }
  return { anyOf: [out, { type: 'null' }] }
}

const INT32 = 2 ** 31

function createAjv(allRequired: boolean): Ajv {
  const ajv = new Ajv({ allErrors: true, allowUnionTypes: true, strict: true })
  addFormats(ajv, ['email', 'duration', 'uri'])
  ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/)
  ajv.addFormat('int32', { type: 'number', validate: (n: number) => Number.isInteger(n) && n >= -INT32 && n < INT32 })
  ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isSafeInteger(n) })
  for (const name of ['double', 'float', 'decimal']) ajv.addFormat(name, { type: 'number', validate: (n: number) => Number.isFinite(n) })
  ajv.addSchema({ $id: COMPONENTS_ID, $defs: convert(openApi.components.schemas, allRequired) as object })
  return ajv
}

const ajvs = { strictKeys: createAjv(true), loose: createAjv(false) }

/**
 * Validator for the 200 JSON response of an operation.
 * @param allRequired also require every declared property (the sandbox emits nulls as keys)
 */
export function responseValidator(path: string, method: 'get' | 'post' | 'put', allRequired = true): ValidateFunction {
  const schema = openApi.paths[path]?.[method]?.responses['200']?.content?.['application/json']?.schema
  if (!schema) throw new Error(`No JSON 200 response for ${method.toUpperCase()} ${path}`)
  return (allRequired ? ajvs.strictKeys : ajvs.loose).compile(convert(schema, allRequired) as object)
}

export const describeErrors = (validate: ValidateFunction) =>
  (validate.errors ?? [])
    .slice(0, 5)
    .map((error) => `${error.instancePath} ${error.message}`)
    .join('; ')
