/**
 * Aspire's official OpenAPI document, loaded once. The sandbox derives field lists, field kinds and the
 * path/verb table from it at runtime so that nothing about entity shapes is typed out by hand.
 * @module
 */
import doc from '../../../shared/vendor-contracts/aspire/aspire-openapi.json'

export interface SchemaObject {
  type?: string
  format?: string
  nullable?: boolean
  $ref?: string
  oneOf?: SchemaObject[]
  allOf?: SchemaObject[]
  items?: SchemaObject
  properties?: Record<string, SchemaObject>
  required?: string[]
  maxLength?: number
  minimum?: number
  [keyword: string]: unknown
}

export interface OperationObject {
  operationId?: string
  requestBody?: { content?: Record<string, { schema?: SchemaObject }> }
  responses: Record<string, { content?: Record<string, { schema?: SchemaObject }> }>
}

export interface OpenApiDocument {
  info: { title: string; version: string }
  paths: Record<string, Record<string, OperationObject>>
  components: { schemas: Record<string, SchemaObject> }
}

// The JSON's inferred literal type is huge and unhelpful; the narrow interface above is what we rely on.
export const openApi = doc as unknown as OpenApiDocument

export const SCHEMA_REF_PREFIX = '#/components/schemas/'

export function schemaByName(name: string): SchemaObject {
  const schema = openApi.components.schemas[name]
  if (!schema) throw new Error(`Schema ${name} is not in the Aspire OpenAPI document`)
  return schema
}
