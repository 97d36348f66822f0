import type { Signal } from '@preact/signals'
import type { JSX } from 'preact'

/**
 * A labelled text input bound to a signal: what every form of the extension is mostly made of. Attributes
 * left out are left off the element, so each form says exactly what its field needs.
 */
export function TextField({
  id,
  label,
  value,
  ...attributes
}: {
  id: string
  label: string
  value: Signal<string>
  name: string
  type?: 'text' | 'password' | 'email' | 'date'
  autocomplete?: string
  spellcheck?: boolean
  required?: boolean
  disabled?: boolean
  placeholder?: string
}) {
  return (
    <>
      <label for={id}>{label}</label>
      {/* Preact types <input> as one union member per `type`; the props above are a subset of each member. */}
      <input id={id} {...(attributes as JSX.IntrinsicElements['input'])} value={value.value} onInput={(e) => (value.value = e.currentTarget.value)} />
    </>
  )
}
