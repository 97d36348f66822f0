import { useSignal } from '@preact/signals'
import { useEffect, useId, useRef } from 'preact/hooks'
import type { BudgetAdjustment, BudgetSpec } from '../../../../shared/api/propay-values'
import type { ProPayBreakdown } from '../../../../shared/api/propay-breakdown'
import type { ProPayDetail, ProPaySummary } from '../../../../shared/api/propays'
import type { User } from '../../../../shared/api/auth'
import { send } from '../../../messaging/send'
import { useFocusTrap } from '../../a11y/use-focus-trap'
import type { OrgFormat } from '../../format/org-format'
import { useOrgFormat } from '../../format/use-org-format'
import { propayStatusLabel } from '../../propay-format'

/** Who is looking: admins approve any ProPay, managers the ones they manage. */
export type Viewer = Pick<User, 'id' | 'role'>

export const canApprove = (viewer: Viewer, propay: Pick<ProPaySummary, 'approvable' | 'managerUserId'>) =>
  propay.approvable && (viewer.role === 'admin' || (viewer.role === 'manager' && propay.managerUserId === viewer.id))

type Loaded = { state: 'loading' } | { state: 'ready'; detail: ProPayDetail } | { state: 'error'; error: string }

/** One figure: the text a person reads, and the raw value (cents, seconds, bp) for tests to compare with the API. */
function Fig({ label, id, value, text }: { label: string; id: string; value: number | string | boolean | null; text: string }) {
  return (
    <div class="bd-row">
      <dt>{label}</dt>
      <dd data-testid={`bd-${id}`} data-value={value === null ? '' : String(value)}>
        {text}
      </dd>
    </div>
  )
}

/** Figure rows written by the organisation's formatter. */
function figureRows(f: OrgFormat) {
  return {
    money: (label: string, id: string, cents: number | null) => <Fig label={label} id={id} value={cents} text={f.money(cents)} />,
    hours: (label: string, id: string, seconds: number | null) => <Fig label={label} id={id} value={seconds} text={f.hours(seconds)} />,
    percent: (label: string, id: string, bp: number | null) => <Fig label={label} id={id} value={bp} text={f.percent(bp)} />,
  }
}

const figureText = (f: OrgFormat, v: ProPayBreakdown['budget']['base']) =>
  [v.seconds !== null ? f.hours(v.seconds) : null, v.cents !== null ? f.money(v.cents) : null].filter(Boolean).join(' · ') || '—'

function budgetInputs(f: OrgFormat, spec: BudgetSpec) {
  const { money, hours, percent } = figureRows(f)
  switch (spec.type) {
    case 'hours':
      return hours('Budget hours', 'input-hours', spec.budgetSeconds)
    case 'amount':
      return money('Budget amount', 'input-amount', spec.amountCents)
    case 'contract_price':
      return (
        <>
          {money('Contract price', 'input-contract-price', spec.contractPriceCents)}
          {percent('Labor budget', 'input-labor-budget', spec.laborBudgetBp)}
        </>
      )
    case 'rate':
      return (
        <>
          {money('Rate per unit', 'input-rate', spec.rateCentsPerUnit)}
          <Fig label="Quantity" id="input-quantity" value={spec.quantity} text={spec.quantity} />
        </>
      )
    case 'task_hours':
      return spec.tasks.map((t) => hours(`Task ${t.taskId}`, `input-task-${t.taskId}`, t.budgetSeconds))
    case 'task_amount':
      return spec.tasks.map((t) => money(`Task ${t.taskId}`, `input-task-${t.taskId}`, t.amountCents))
  }
}

function adjustmentText(f: OrgFormat, a: BudgetAdjustment): string {
  switch (a.kind) {
    case 'none':
      return 'None'
    case 'percentage_increase':
      return `+${f.percent(a.bp)}`
    case 'percentage_decrease':
      return `−${f.percent(a.bp)}`
    case 'multiply':
      return `× ${a.factorBp / 10_000}`
    case 'manual_amount':
      return `Set to ${f.money(a.amountCents)}`
    case 'manual_hours':
      return `Set to ${f.hours(a.seconds)}`
  }
}

const roleLabels: Record<string, string> = { crew: 'Crew', crew_lead: 'Crew lead', manager: 'Manager', company: 'Company', other: 'Other' }
const noBonusLabels: Record<string, string> = {
  disqualified: 'Disqualified',
  over_budget: 'Over budget',
  budget_not_priced: 'Budget not priced yet (no time logged)',
}

/** Every figure of the ProPay engine's breakdown, all as text. */
export function BreakdownFigures({ detail }: { detail: ProPayDetail }) {
  const f = useOrgFormat()
  const { money, hours, percent } = figureRows(f)
  const b = detail.breakdown
  const name = (workerId: string) => detail.workerNames[workerId] ?? `Worker ${workerId}`
  if (!b) {
    return (
      <div data-testid="bd-unavailable">
        <p class="muted">The breakdown cannot be computed yet.</p>
        <ul class="bd-problems">
          {detail.calculationIssues.map((issue) => (
            <li key={issue.path}>{issue.message}</li>
          ))}
        </ul>
      </div>
    )
  }
  return (
    <div class="bd-figures">
      <h4>Budget</h4>
      <dl>
        <Fig label="Type" id="budget-type" value={b.budget.type} text={b.budget.type.replace(/_/g, ' ')} />
        {budgetInputs(f, b.budget.inputs)}
        <Fig label="Base" id="budget-base" value={b.budget.base.cents ?? b.budget.base.seconds} text={figureText(f, b.budget.base)} />
        {percent('Modifier', 'budget-modifier', b.budget.modifierBp)}
        <Fig label="After modifier" id="budget-after-modifier" value={b.budget.afterModifier.cents ?? b.budget.afterModifier.seconds} text={figureText(f, b.budget.afterModifier)} />
        <Fig label="Adjustment" id="budget-adjustment" value={b.budget.adjustment.kind} text={adjustmentText(f, b.budget.adjustment)} />
        <Fig label="Effective budget" id="budget-effective" value={b.budget.effective.cents ?? b.budget.effective.seconds} text={figureText(f, b.budget.effective)} />
        {money('Blended wage / h', 'budget-blended-wage', b.budget.blendedWageCentsPerHour)}
        {money('Labor budget', 'labor-budget', b.budget.laborBudgetCents)}
      </dl>
      {b.budget.tasks && b.budget.tasks.length > 0 && (
        <table class="bd-table" data-testid="bd-tasks">
          <thead>
            <tr>
              <th>Task</th>
              <th>Budget</th>
              <th>Actual</th>
              <th>Cost</th>
            </tr>
          </thead>
          <tbody>
            {b.budget.tasks.map((t) => (
              <tr key={t.taskId}>
                <td>{t.taskId}</td>
                <td>{t.budgetSeconds !== null ? f.hours(t.budgetSeconds) : f.money(t.budgetCents)}</td>
                <td>{f.hours(t.actualSeconds)}</td>
                <td>{f.money(t.actualCostCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h4>Actual</h4>
      <dl>
        {hours('Hours', 'actual-hours', b.actual.seconds)}
        {money('Labor cost', 'actual-cost', b.actual.costCents)}
        {hours('Excluded drive time', 'excluded-drive-hours', b.actual.excludedDrive.seconds)}
        {money('Excluded drive cost', 'excluded-drive-cost', b.actual.excludedDrive.wouldCostCents)}
        <Fig
          label="Counted"
          id="cost-settings"
          value={`${b.actual.settings.includeDriveTime}/${b.actual.settings.includeBurden}/${b.actual.settings.includeOvertimePremium}`}
          text={[
            b.actual.settings.includeDriveTime ? 'drive time' : null,
            b.actual.settings.includeBurden ? 'burden' : null,
            b.actual.settings.includeOvertimePremium ? 'overtime premium' : null,
          ]
            .filter(Boolean)
            .join(', ') || 'Work time only'}
        />
      </dl>

      <h4>Savings</h4>
      <dl>
        {money('Saved', 'saved', b.savings.savedCents)}
        {percent('Split to workers', 'split', b.savings.splitBp)}
        {money('Bonus pool', 'worker-share', b.savings.workerShareCents)}
        {b.savings.noBonusReason && (
          <Fig label="No bonus" id="no-bonus" value={b.savings.noBonusReason} text={noBonusLabels[b.savings.noBonusReason] ?? b.savings.noBonusReason} />
        )}
        {money('Penalties deducted', 'penalties-deducted', b.safeguards.penaltiesDeductedCents)}
      </dl>
      {(b.safeguards.disqualifiers.length > 0 || b.safeguards.penalties.length > 0) && (
        <ul class="bd-list" data-testid="bd-safeguards">
          {b.safeguards.disqualifiers.map((d) => (
            <li key={d.id}>{`Disqualifier: ${d.label} (${d.outcome})`}</li>
          ))}
          {b.safeguards.penalties.map((p) => (
            <li key={p.id}>{`Penalty: ${p.category} ${f.money(p.amountCents)} (${p.outcome})`}</li>
          ))}
        </ul>
      )}

      <h4>Buckets</h4>
      <table class="bd-table" data-testid="bd-buckets">
        <thead>
          <tr>
            <th>Bucket</th>
            <th>Pool</th>
            <th>Amount</th>
            <th>To</th>
          </tr>
        </thead>
        <tbody>
          {b.buckets.map((bucket) => (
            <tr key={bucket.role} data-role={bucket.role}>
              <td>{roleLabels[bucket.role] ?? bucket.role}</td>
              <td data-value={bucket.poolBp}>{f.percent(bucket.poolBp)}</td>
              <td data-value={bucket.amountCents}>{f.money(bucket.amountCents)}</td>
              <td>{bucket.recipientIds.map(name).join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <dl>
        <Fig label="Distribution" id="distribution" value={b.crew.distribution} text={b.crew.distribution.replace(/_/g, ' ')} />
        {b.crew.leadFactorBp !== null && percent('Lead factor', 'lead-factor', b.crew.leadFactorBp)}
        {money('Crew bucket', 'crew-bucket', b.crew.bucketCents)}
        {money('From crew lead bucket', 'crew-from-lead', b.crew.fromCrewLeadCents)}
        {money('Distributable', 'crew-distributable', b.crew.distributableCents)}
        <Fig label="Total weight" id="crew-total-weight" value={b.crew.totalWeight} text={b.crew.totalWeight ?? '—'} />
        {money('Distributed', 'crew-distributed', b.crew.distributedCents)}
        {money('Unallocated', 'crew-unallocated', b.crew.unallocatedCents)}
      </dl>

      <h4>Workers</h4>
      <table class="bd-table bd-workers" data-testid="bd-workers">
        <thead>
          <tr>
            <th>Worker</th>
            <th>Hours</th>
            <th>Wage</th>
            <th>Weight</th>
            <th>Share</th>
          </tr>
        </thead>
        <tbody>
          {b.workers.map((w) => (
            <tr key={w.workerId} data-worker-id={w.workerId} data-seconds={w.seconds} data-wage={w.wageCentsPerHour ?? ''} data-weight={w.weight ?? ''} data-total={w.totalCents}>
              <td>
                <span class="bd-worker-name">{name(w.workerId)}</span>
                {[w.isCrewLead && 'crew lead', w.isManager && 'manager', w.isOtherRecipient && 'other recipient', w.bonusExclusion?.replace('_', ' ')]
                  .filter(Boolean)
                  .map((tag) => (
                    <span class="bd-tag" key={String(tag)}>
                      {String(tag)}
                    </span>
                  ))}
                {w.excludedDriveSeconds > 0 && <span class="bd-sub">{`+ ${f.hours(w.excludedDriveSeconds)} drive (excluded)`}</span>}
              </td>
              <td>{f.hours(w.seconds)}</td>
              <td>{f.moneyPerHour(w.wageCentsPerHour)}</td>
              <td>{w.weight ?? '—'}</td>
              <td>
                {f.money(w.totalCents)}
                <span class="bd-sub">
                  {(['crew', 'crew_lead', 'manager', 'other'] as const)
                    .filter((role) => w.shares[role] !== 0)
                    .map((role) => `${roleLabels[role]} ${f.money(w.shares[role])}`)
                    .join(' · ')}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {/* `paidOutCents` is what approval pays out; only a paid ProPay's has left the company. */}
      <dl>{money(detail.status === 'paid' ? 'Paid out' : detail.status === 'approved' ? 'To be paid out' : 'To pay out if approved', 'paid-out', b.paidOutCents)}</dl>

      {(b.problems.length > 0 || b.warnings.length > 0 || detail.blockers.length > 0) && (
        <>
          <h4>Problems</h4>
          <ul class="bd-list bd-problems" data-testid="bd-problems">
            {detail.blockers.map((p, i) => (
              <li key={`b${i}`} data-code={p.code}>
                {p.message}
              </li>
            ))}
            {b.problems
              .filter((p) => !detail.blockers.some((blocker) => blocker.code === p.code && blocker.message === p.message))
              .map((p, i) => (
                <li key={`p${i}`} data-code={p.code}>
                  {p.message}
                </li>
              ))}
            {b.warnings.map((p, i) => (
              <li key={`w${i}`} class="bd-warning" data-code={p.code}>
                {p.message}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  )
}

/**
 * The breakdown of one ProPay (chosen from `propays` when a recurring job has several), with Approve for those
 * allowed when it is approvable. `onApproved` lets the badge show the new status.
 */
export function ProPayBreakdownDialog({
  id,
  propays,
  viewer,
  onClose,
  onApproved,
}: {
  /** For the opener's `aria-controls`. */
  id?: string
  propays: ProPaySummary[]
  viewer: Viewer
  onClose: () => void
  onApproved: (detail: ProPayDetail) => void
}) {
  const initial = propays.find((p) => p.approvable) ?? propays[0]
  const selected = useSignal(initial?.id ?? '')
  const loaded = useSignal<Loaded>({ state: 'loading' })
  const approving = useSignal(false)
  const approveError = useSignal<string | null>(null)

  useEffect(() => {
    let stopped = false
    loaded.value = { state: 'loading' }
    approveError.value = null
    send('propay:get', { id: selected.value }).then(
      (detail) => !stopped && (loaded.value = { state: 'ready', detail }),
      (err: Error) => !stopped && (loaded.value = { state: 'error', error: err.message }),
    )
    return () => {
      stopped = true
    }
  }, [selected.value])

  const f = useOrgFormat()
  const dialog = useRef<HTMLElement>(null)
  const close = useRef<HTMLButtonElement>(null)
  // Focus goes to Close on open, stays inside while open, and back to the badge on close; Escape closes from anywhere inside.
  const trap = useFocusTrap(dialog, { onEscape: onClose, initial: close })
  const titleId = useId()

  const approve = async (id: string) => {
    approving.value = true
    approveError.value = null
    try {
      const detail = await send('propay:approve', { id })
      loaded.value = { state: 'ready', detail }
      onApproved(detail)
    } catch (err) {
      approveError.value = err instanceof Error ? err.message : String(err)
    } finally {
      approving.value = false
    }
  }

  const state = loaded.value
  const detail = state.state === 'ready' ? state.detail : null
  return (
    <section
      ref={dialog}
      id={id}
      class="propay-breakdown"
      role="dialog"
      aria-modal="true"
      aria-labelledby={titleId}
      data-testid="propay-breakdown"
      data-propay-id={selected.value}
      onKeyDown={trap.onKeyDown}
    >
      <header>
        <strong id={titleId}>ProPay breakdown</strong>
        <button type="button" ref={close} class="close" aria-label="Close" data-testid="propay-breakdown-close" onClick={onClose}>
          ×
        </button>
      </header>
      {propays.length > 1 && (
        <div class="bd-picker" data-testid="propay-picker">
          {propays.map((p) => (
            <button type="button" key={p.id} class={p.id === selected.value ? 'chip chip--on' : 'chip'} aria-pressed={p.id === selected.value} onClick={() => (selected.value = p.id)}>
              {`${p.milestone?.name ?? p.milestone?.number ?? p.job.name ?? 'ProPay'} · ${propayStatusLabel(p)}`}
            </button>
          ))}
        </div>
      )}
      {state.state === 'loading' && <p class="muted">Loading the breakdown…</p>}
      {state.state === 'error' && (
        <p class="error" data-testid="propay-breakdown-error">
          {state.error}
        </p>
      )}
      {detail && (
        <div class="bd-body">
          <p class="bd-title" data-testid="bd-job-name">
            {detail.job.name ?? `Job ${detail.job.externalId}`}
          </p>
          {detail.milestone && (
            <p class="muted" data-testid="bd-milestone-name">
              {detail.milestone.name ?? `Work ticket ${detail.milestone.externalId}`}
            </p>
          )}
          <p>
            <span class="propay-status" data-testid="bd-status" data-status={detail.status}>
              {propayStatusLabel(detail)}
            </span>
            {detail.approvalDate && <span class="muted">{` · approved for ${f.date(detail.approvalDate)}`}</span>}
          </p>
          {detail.attention && <p class="error">{detail.attention}</p>}
          {canApprove(viewer, detail) && (
            <div class="actions">
              <button type="button" data-testid="propay-approve" disabled={approving.value} onClick={() => void approve(detail.id)}>
                {approving.value ? 'Approving…' : 'Approve'}
              </button>
            </div>
          )}
          {approveError.value && (
            <p class="error" data-testid="propay-approve-error">
              {approveError.value}
            </p>
          )}
          <BreakdownFigures detail={detail} />
        </div>
      )}
    </section>
  )
}

// Test URLs: https://cloud.youraspire.com/app/opportunities/details/<id>, https://cloud.youraspire.com/app/work-tickets/details/<id>,
// https://cloud.youraspire.com/app/work-tickets
