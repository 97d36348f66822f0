import type { BudgetSpec, TaskAmountLine, TaskHoursLine } from './budget-types'
import type { BudgetQuantity } from './budget-quantity'
import { parseDecimal } from './decimal'
import { formatSeconds } from './format-seconds'
import type { Warning } from './issues'
import { blendedWageCentsPerHour, laborCostCents, priceSeconds } from './labor-pricing'
import { EMPTY_LABOR, type LaborSummary, type LaborTotals } from './labor-summary'
import { addRatios, multiplyRatios, ratio, roundRatioHalfUp, type Ratio } from './ratio'
import { FULL_BP, type Cents, type Seconds } from './units'

/**
 * One task line of a task budget with the time logged against it (docs/domain/propay.md §5.1 Task Hours / Task Amount).
 */
export interface TaskBudgetRow {
  readonly taskId: string
  /** Task Hours only. */
  readonly budgetSeconds: Seconds | null
  /** `null` for task hours that cannot be priced yet (no time logged on the ProPay). */
  readonly budgetCents: Cents | null
  readonly actualSeconds: Seconds
  readonly actualCostCents: Cents
  readonly blendedWageCentsPerHour: Cents | null
}

export interface BaseBudget {
  readonly quantity: BudgetQuantity
  readonly tasks: TaskBudgetRow[] | null
  readonly warnings: Warning[]
}

/** The synced or entered budget before modifier and adjustment, exact. */
export function baseBudget(spec: BudgetSpec, labor: LaborSummary): BaseBudget {
  switch (spec.type) {
    case 'hours':
      return plain({ unit: 'hours', seconds: ratio(spec.budgetSeconds) })
    case 'amount':
      return plain({ unit: 'amount', cents: ratio(spec.amountCents) })
    case 'contract_price': {
      const cents = ratio(BigInt(spec.contractPriceCents) * BigInt(spec.laborBudgetBp), FULL_BP)
      return plain({ unit: 'amount', cents })
    }
    case 'rate':
      return plain({ unit: 'amount', cents: multiplyRatios(ratio(spec.rateCentsPerUnit), parseDecimal(spec.quantity)) })
    case 'task_hours':
      return taskHoursBudget(spec.tasks, labor)
    case 'task_amount':
      return taskAmountBudget(spec.tasks, labor)
  }
}

const plain = (quantity: BudgetQuantity): BaseBudget => ({ quantity, tasks: null, warnings: [] })

/**
 * Each task is priced at its own blended wage, so savings net across tasks (docs/domain/propay.md §5.1). A task with no
 * time yet is priced at the ProPay's blended wage; with no time on the ProPay at all the budget stays in hours.
 */
function taskHoursBudget(tasks: readonly TaskHoursLine[], labor: LaborSummary): BaseBudget {
  const totalSeconds = ratio(tasks.reduce((sum, task) => sum + task.budgetSeconds, 0))
  const rows = tasks.map((task) => {
    const actual = labor.byTask.get(task.taskId) ?? EMPTY_LABOR
    const pricedAt = actual.seconds > 0 ? actual : labor.counted
    return { task, actual, cents: priceSeconds(ratio(task.budgetSeconds), pricedAt) }
  })
  const warnings = taskWarnings(tasks, labor, 'is priced at the ProPay’s blended wage')
  const tasksOut = rows.map(({ task, actual, cents }) =>
    taskRow(task.taskId, task.budgetSeconds, cents === null ? null : roundRatioHalfUp(cents), actual),
  )
  if (rows.some((row) => row.cents === null)) {
    return { quantity: { unit: 'hours', seconds: totalSeconds }, tasks: tasksOut, warnings }
  }
  const cents = rows.reduce<Ratio>((sum, row) => addRatios(sum, row.cents!), ratio(0))
  return { quantity: { unit: 'amount', cents }, tasks: tasksOut, warnings }
}

function taskAmountBudget(tasks: readonly TaskAmountLine[], labor: LaborSummary): BaseBudget {
  const cents = ratio(tasks.reduce((sum, task) => sum + task.amountCents, 0))
  return {
    quantity: { unit: 'amount', cents },
    tasks: tasks.map((task) =>
      taskRow(task.taskId, null, task.amountCents, labor.byTask.get(task.taskId) ?? EMPTY_LABOR),
    ),
    warnings: taskWarnings(tasks, labor, 'counts in full'),
  }
}

const taskRow = (taskId: string, budgetSeconds: Seconds | null, budgetCents: Cents | null, actual: LaborTotals) => ({
  taskId,
  budgetSeconds,
  budgetCents,
  actualSeconds: actual.seconds,
  actualCostCents: laborCostCents(actual),
  blendedWageCentsPerHour: blendedWageCentsPerHour(actual),
})

function taskWarnings(tasks: readonly { taskId: string }[], labor: LaborSummary, withoutTime: string): Warning[] {
  const warnings: Warning[] = tasks
    .filter((task) => !labor.byTask.has(task.taskId))
    .map((task) => ({
      code: 'task_without_time',
      message: `No time is logged on task ${task.taskId}; its budget ${withoutTime}.`,
    }))
  const budgeted = new Set(tasks.map((task) => task.taskId))
  const taskedSeconds = [...labor.byTask]
    .filter(([taskId]) => budgeted.has(taskId))
    .reduce((sum, [, totals]) => sum + totals.seconds, 0)
  const outside = labor.counted.seconds - taskedSeconds
  if (outside > 0) {
    warnings.push({
      code: 'time_outside_tasks',
      message: `${formatSeconds(outside)} of labor is not on a budgeted task: it counts as cost against no budget.`,
    })
  }
  return warnings
}
