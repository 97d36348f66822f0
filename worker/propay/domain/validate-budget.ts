import {
  MAX_BUDGET_MODIFIER_BP,
  MIN_BUDGET_MODIFIER_BP,
  type BudgetAdjustment,
  type BudgetSpec,
} from './budget-types'
import { isDecimalString } from './decimal'
import { FULL_BP } from './units'
import { checkId, checkInteger, found, type ValidationIssue } from './validation-issue'

const NON_NEGATIVE = { min: 0 }

export function validateBudgetSpec(spec: BudgetSpec, path = 'budget'): ValidationIssue[] {
  switch (spec.type) {
    case 'hours':
      return found(checkInteger(spec.budgetSeconds, `${path}.budgetSeconds`, NON_NEGATIVE))
    case 'amount':
      return found(checkInteger(spec.amountCents, `${path}.amountCents`, NON_NEGATIVE))
    case 'contract_price':
      return found(
        checkInteger(spec.contractPriceCents, `${path}.contractPriceCents`, NON_NEGATIVE),
        checkInteger(spec.laborBudgetBp, `${path}.laborBudgetBp`, { min: 0, max: FULL_BP }),
      )
    case 'rate':
      return found(
        checkInteger(spec.rateCentsPerUnit, `${path}.rateCentsPerUnit`, NON_NEGATIVE),
        isDecimalString(spec.quantity)
          ? null
          : { path: `${path}.quantity`, message: `${path}.quantity must be a decimal like '1250.5'` },
      )
    case 'task_hours':
    case 'task_amount':
      return validateTasks(spec, path)
  }
}

function validateTasks(spec: Extract<BudgetSpec, { type: 'task_hours' | 'task_amount' }>, path: string) {
  const issues: ValidationIssue[] = []
  if (spec.tasks.length === 0) issues.push({ path: `${path}.tasks`, message: 'A task budget needs at least one task' })
  const seen = new Set<string>()
  spec.tasks.forEach((task, index) => {
    const at = `${path}.tasks[${index}]`
    const amount = 'budgetSeconds' in task ? task.budgetSeconds : task.amountCents
    const amountPath = 'budgetSeconds' in task ? `${at}.budgetSeconds` : `${at}.amountCents`
    issues.push(...found(checkId(task.taskId, `${at}.taskId`), checkInteger(amount, amountPath, NON_NEGATIVE)))
    if (seen.has(task.taskId)) issues.push({ path: `${at}.taskId`, message: `Task ${task.taskId} is listed twice` })
    seen.add(task.taskId)
  })
  return issues
}

export function validateAdjustment(adjustment: BudgetAdjustment, path = 'adjustment'): ValidationIssue[] {
  switch (adjustment.kind) {
    case 'none':
      return []
    case 'percentage_increase':
      return found(checkInteger(adjustment.bp, `${path}.bp`, NON_NEGATIVE))
    case 'percentage_decrease':
      return found(checkInteger(adjustment.bp, `${path}.bp`, { min: 0, max: FULL_BP }))
    case 'multiply':
      return found(checkInteger(adjustment.factorBp, `${path}.factorBp`, NON_NEGATIVE))
    case 'manual_amount':
      return found(checkInteger(adjustment.amountCents, `${path}.amountCents`, NON_NEGATIVE))
    case 'manual_hours':
      return found(checkInteger(adjustment.seconds, `${path}.seconds`, NON_NEGATIVE))
  }
}

export const validateBudgetModifier = (modifierBp: number, path = 'companyModifierBp'): ValidationIssue[] =>
  found(checkInteger(modifierBp, path, { min: MIN_BUDGET_MODIFIER_BP, max: MAX_BUDGET_MODIFIER_BP }))
