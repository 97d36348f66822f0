import type { ConnectionView } from '../../shared/api/connections'
import { healthOf } from './connection-health'

/** A coloured dot for a connection's health; the words next to it carry the meaning (colour is not enough). */
export function StatusDot({ status }: { status: ConnectionView['status'] }) {
  return <span class={`dot dot--${healthOf(status)}`} data-health={healthOf(status)} aria-hidden="true" />
}
