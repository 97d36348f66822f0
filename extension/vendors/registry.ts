/**
 * Every vendor's UI entry, by vendor. Typed over `Vendor` from the API contract, so adding a vendor there
 * without an entry here fails to compile.
 * @module
 */
import type { Vendor } from '../../shared/api/connections'
import type { VendorUi } from '../ui/vendor-ui'
import { aspireUi } from './aspire/vendor'
import { buildertrendUi } from './buildertrend/vendor'
import { exaktimeUi } from './exaktime/vendor'

export const vendorUis: { readonly [V in Vendor]: VendorUi<V> } = {
  aspire: aspireUi,
  buildertrend: buildertrendUi,
  exaktime: exaktimeUi,
}

export const vendorUi = (vendor: Vendor): VendorUi => vendorUis[vendor]
