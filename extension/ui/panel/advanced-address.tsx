import type { Signal } from '@preact/signals'

/**
 * The "Advanced" part of a connect form: the vendor's address, empty for the vendor itself and set by
 * developers to a local sandbox. Open whenever an address is set, so a sandbox is never used unseen.
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
