import { useSignal } from '@preact/signals'
import type { SignedInState } from '../../messaging/protocol'
import { send } from '../../messaging/send'
import { FormError } from '../../ui/form-error'
import { createOrgFormat } from '../../ui/format/org-format'
import { TextField } from '../../ui/text-field'
import { useSubmit } from '../../ui/use-submit'

// A fixed example, so an admin sees what a choice does before saving it.
const SAMPLE_CENTS = 123_456
const SAMPLE_INSTANT = '2026-03-14T23:30:00Z'

/**
 * For admins: how money, dates and times read for everyone in the organisation (#15), checked by the API with
 * Intl. The preview follows what is typed; a value Intl refuses previews as the default, and the API says why.
 */
export function OrganizationSettings({ state, onChange }: { state: SignedInState; onChange: (s: SignedInState) => void }) {
  const org = state.organization
  const timeZone = useSignal(org.timeZone)
  const locale = useSignal(org.locale)
  const currency = useSignal(org.currency)
  const saved = useSignal(false)
  const { busy, error, onSubmit } = useSubmit(async () => {
    saved.value = false
    const next = await send('organization:update', { timeZone: timeZone.value, locale: locale.value, currency: currency.value })
    if (next.signedIn) onChange(next)
    saved.value = true
  })
  const preview = createOrgFormat({ timeZone: timeZone.value, locale: locale.value, currency: currency.value })
  return (
    <form onSubmit={onSubmit} data-testid="organization-settings" aria-labelledby="org-settings-title">
      <h2 id="org-settings-title">How figures read at {org.name}</h2>
      <TextField id="org-time-zone" label="Time zone (IANA, e.g. America/Chicago)" name="timeZone" value={timeZone} required />
      <TextField id="org-locale" label="Locale (e.g. en-US, en-CA, de-DE)" name="locale" value={locale} required />
      <TextField id="org-currency" label="Currency (ISO 4217, e.g. USD, CAD, EUR)" name="currency" value={currency} required />
      <p class="muted" data-testid="org-preview">
        {preview.money(SAMPLE_CENTS)} · {preview.dateTime(SAMPLE_INSTANT)}
      </p>
      <button type="submit" disabled={busy.value}>
        {busy.value ? 'Saving…' : 'Save'}
      </button>
      {saved.value && (
        <p role="status" data-testid="org-saved">
          Saved. Panels and the review screen use these from the next page load.
        </p>
      )}
      <FormError error={error.value} />
    </form>
  )
}
