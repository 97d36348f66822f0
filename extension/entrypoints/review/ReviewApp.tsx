import { useSignal } from '@preact/signals'
import { browser } from 'wxt/browser'
import { ApprovedProPays } from '../../ui/review/approved-propays'
import { PendingProPays } from '../../ui/review/pending-propays'
import { provideOrgFormat } from '../../ui/format/use-org-format'
import { StatementsView } from '../../ui/review/statements-view'
import { useMessage } from '../../ui/use-message'

const TABS = [
  { id: 'review', label: 'To review' },
  { id: 'approved', label: 'Approved' },
  { id: 'statements', label: 'Statements' },
] as const
type Tab = (typeof TABS)[number]['id']

/**
 * The manager's review screen (#15): ProPays waiting for approval across the organisation, approved ones that can
 * still be taken back, and for payroll the open statements with their line items (#17). Roles are the API's: a
 * refused action shows the API's reason.
 */
export function ReviewApp() {
  const auth = useMessage('auth:state', {})
  const tab = useSignal<Tab>('review')
  if (auth.value.state === 'loading') return <main aria-busy="true" />
  if (auth.value.state === 'error') return <main><p class="error">{auth.value.error}</p></main>
  const state = auth.value.value
  provideOrgFormat(state.signedIn ? state.organization : null)
  if (!state.signedIn) {
    return (
      <main>
        <h1>
          <span class="logo">P</span> Review
        </h1>
        <p>Sign in to review ProPays.</p>
        <button type="button" onClick={() => browser.runtime.openOptionsPage()}>
          Open settings to sign in
        </button>
      </main>
    )
  }
  if (!['admin', 'manager'].includes(state.user.role)) {
    return (
      <main>
        <p data-testid="review-not-allowed">Reviewing ProPays is for managers and admins. You are signed in as a {state.user.role.replace('_', ' ')}.</p>
      </main>
    )
  }
  return (
    <main>
      <h1>
        <span class="logo">P</span> Review · {state.organization.name}
      </h1>
      <nav class="tabs" role="tablist" aria-label="Review">
        {TABS.map((t) => (
          <button type="button" role="tab" key={t.id} id={`tab-${t.id}`} aria-selected={tab.value === t.id} aria-controls={`panel-${t.id}`} onClick={() => (tab.value = t.id)}>
            {t.label}
          </button>
        ))}
      </nav>
      <section role="tabpanel" id={`panel-${tab.value}`} aria-labelledby={`tab-${tab.value}`}>
        {tab.value === 'review' && <PendingProPays viewer={state.user} />}
        {tab.value === 'approved' && <ApprovedProPays />}
        {tab.value === 'statements' && <StatementsView />}
      </section>
    </main>
  )
}
