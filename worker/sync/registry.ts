import { aspireConnector } from '../connectors/aspire/connector'
import { buildertrendConnector } from '../connectors/buildertrend/connector'
import { exaktimeConnector } from '../connectors/exaktime/connector'
import type { Connector } from './connector'

/** Every vendor connector, by vendor. */
export const connectors: Record<string, Connector<any, any>> = {
  aspire: aspireConnector,
  buildertrend: buildertrendConnector,
  exaktime: exaktimeConnector,
}

export function connectorFor(vendor: string): Connector<unknown, unknown> {
  const connector = connectors[vendor]
  if (!connector) throw new Error(`no connector for vendor ${vendor}`)
  return connector
}
