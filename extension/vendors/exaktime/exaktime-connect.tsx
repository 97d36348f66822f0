/**
 * Connect ExakTime (admins) with an Arcoro API key and the Company ID (prefilled from the page's subdomain). A key is
 * the only way in any public source shows (docs/vendors/exaktime.md §12.5): ExakTime has no username/password API
 * other apps could use, so this form asks for none. Then the go-live date (required: time before it is never imported, which skips test data) and whether to import
 * only finalized time (on by default) at which approval level. The backend checks the credentials live and
 * its answer is shown as given: 422 with what to fix, 400 naming a bad field, 503 when ExakTime is down.
 * @module
 */
import { type Signal, useSignal } from '@preact/signals'
import type { ConnectionView } from '../../../shared/api/connections'
import { send } from '../../messaging/send'
import { FormError } from '../../ui/form-error'
import { AdvancedAddress, chosenAddress } from '../../ui/panel/advanced-address'
import { TextField } from '../../ui/text-field'
import { useSubmit } from '../../ui/use-submit'

export function ExakTimeConnect({ companyId: prefilled, onConnected }: { companyId: string | null; onConnected: (connection: ConnectionView) => void }) {
  const companyId = useSignal(prefilled ?? '')
  const apiKey = useSignal('')
  const syncStartDate = useSignal('')
  const finalizedOnly = useSignal(true)
  const approvalLevel = useSignal<'sign_off' | 'supervisor'>('sign_off')
  const jobSource = useSignal<'location' | 'job'>('location')
  const apiAddress = useSignal('')

  const { busy, error, onSubmit } = useSubmit(async () => {
    if (!syncStartDate.value) {
      throw new Error('Pick the sync start date: the day you go live with Protiv. Time worked before it is not imported.')
    }
    const baseUrl = chosenAddress(apiAddress)
    const credentials = { companyId: companyId.value.trim(), apiKey: apiKey.value.trim() }
    const connection = await send('connections:create', {
      vendor: 'exaktime',
      credentials,
      settings: {
        syncStartDate: syncStartDate.value,
        finalizedOnly: finalizedOnly.value,
        approvalLevel: approvalLevel.value,
        jobSource: jobSource.value,
        ...(baseUrl ? { baseUrl } : {}),
      },
    })
    apiKey.value = ''
    onConnected(connection)
  })

  // Every text field of this form is required, never autocompleted or spellchecked, and locked while checking.
  const field = (id: string, label: string, value: Signal<string>, extra: { name: string; type?: 'password' | 'date'; placeholder?: string }) => (
    <TextField id={id} label={label} value={value} autocomplete="off" spellcheck={false} required disabled={busy.value} {...extra} />
  )

  return (
    <form class="connect" data-testid="exaktime-connect" onSubmit={onSubmit}>
      <h3>Connect ExakTime</h3>
      {field('exaktime-company-id', 'Company ID', companyId, { name: 'companyId' })}
      <p class="hint" data-testid="exaktime-company-hint">
        {prefilled && companyId.value.trim() === prefilled
          ? `From this page's address (${prefilled}.exaktime.com).`
          : 'The part before .exaktime.com in the address you open ExakTime Connect at — not the weekly Company Setup Code.'}
      </p>
      {field('exaktime-api-key', 'Arcoro API key', apiKey, { name: 'apiKey', type: 'password' })}
      <p class="hint" data-testid="exaktime-key-hint">
        Create it in Arcoro's Hub under API keys. A read-only key is enough: Protiv only reads. ExakTime does not let other apps sign in
        with your username and password.
      </p>
      {field('exaktime-sync-start', 'Sync start date', syncStartDate, { name: 'syncStartDate', type: 'date' })}
      <p class="hint">Your go-live date: time worked before it is never imported, so test punches stay out.</p>
      <label class="choice" for="exaktime-finalized-only">
        <input
          id="exaktime-finalized-only"
          type="checkbox"
          name="finalizedOnly"
          disabled={busy.value}
          checked={finalizedOnly.value}
          onChange={(e) => (finalizedOnly.value = e.currentTarget.checked)}
        />
        Import only finalized time (recommended)
      </label>
      {finalizedOnly.value ? (
        <>
          <label for="exaktime-approval-level">Time is final after</label>
          <select
            id="exaktime-approval-level"
            name="approvalLevel"
            disabled={busy.value}
            value={approvalLevel.value}
            onChange={(e) => (approvalLevel.value = e.currentTarget.value as 'sign_off' | 'supervisor')}
          >
            <option value="sign_off">the sign-off</option>
            <option value="supervisor">supervisor approval</option>
          </select>
          <p class="hint">Time waits until it is approved at this level or its pay period closes; the panel counts what is waiting.</p>
        </>
      ) : (
        <p class="hint" data-testid="exaktime-provisional-hint">
          Time is imported as soon as it is entered, as provisional, and updated when it changes.
        </p>
      )}
      <label for="exaktime-job-source">Jobs in ExakTime are</label>
      <select
        id="exaktime-job-source"
        name="jobSource"
        disabled={busy.value}
        value={jobSource.value}
        onChange={(e) => (jobSource.value = e.currentTarget.value as 'location' | 'job')}
      >
        <option value="location">Locations (one per job site)</option>
        <option value="job">Jobs</option>
      </select>
      <AdvancedAddress
        id="exaktime-api-address"
        label="ExakTime address"
        placeholder="ExakTime and Arcoro themselves"
        hint="Leave empty. Developers: the address of a local ExakTime sandbox."
        address={apiAddress}
        disabled={busy.value}
      />
      <button type="submit" data-testid="exaktime-connect-submit" disabled={busy.value}>
        {busy.value ? 'Checking with ExakTime…' : 'Connect ExakTime'}
      </button>
      <FormError error={error.value} testId="connect-error" />
    </form>
  )
}

// Test URLs: https://acme.exaktime.com/app/timecards (any company's subdomain: {CompanyName}.exaktime.com)
