import type { Signal } from '@preact/signals'

/**
 * Vendor addresses are for developers pointing a connection at a local sandbox: only developer builds (`npm start`
 * builds with `--mode development`, the e2e suite with `--mode e2e`) offer them. A production build has no field and
 * sends none, so no credentials typed into a store install can be sent to a host of someone else's choosing (#15; the
 * backend refuses them too unless ALLOW_VENDOR_BASE_URL). Read at call time so a test can stub the mode.
 */
export const vendorAddressesAllowed = (): boolean => import.meta.env.MODE !== 'production'

/** The address a connect form sends: the trimmed field in a developer build, nothing ('') in production. */
export const chosenAddress = (address: Signal<string>): string => (vendorAddressesAllowed() ? address.value.trim() : '')

/**
 * The "Advanced" part of a connect form: the vendor's address, empty for the vendor itself and set by
 * developers to a local sandbox. Open whenever an address is set, so a sandbox is never used unseen.
 * Not rendered in a production build.
 */
export function AdvancedAddress({
  id,
  label,
  placeholder,
  hint,
  address,
  disabled,
}: {
  id: string
  label: string
  placeholder: string
  hint: string
  address: Signal<string>
  disabled?: boolean
}) {
  if (!vendorAddressesAllowed()) return null
  return (
    <details class="advanced" open={address.value !== ''}>
      <summary>Advanced</summary>
      <label for={id}>{label}</label>
      <input
        id={id}
        name="baseUrl"
        placeholder={placeholder}
        autocomplete="off"
        spellcheck={false}
        disabled={disabled}
        value={address.value}
        onInput={(e) => (address.value = e.currentTarget.value)}
      />
      <p class="hint">{hint}</p>
    </details>
  )
}
