import { isIsoDate, WEEKDAYS } from './iso-date'
import type { PayPeriodConfig } from './pay-period'
import { checkInteger, found, type ValidationIssue } from './validation-issue'

/** Checks a pay period configuration before it is stored (days chosen so every month has them). */
export function validatePayPeriodConfig(config: PayPeriodConfig, path = 'payPeriod'): ValidationIssue[] {
  switch (config.frequency) {
    case 'weekly':
      return WEEKDAYS.includes(config.startWeekday)
        ? []
        : [{ path: `${path}.startWeekday`, message: `${path}.startWeekday must be one of ${WEEKDAYS.join(', ')}` }]
    case 'biweekly':
      return isIsoDate(config.anchorStart)
        ? []
        : [{ path: `${path}.anchorStart`, message: `${path}.anchorStart must be a YYYY-MM-DD date` }]
    case 'semi_monthly':
      return found(checkInteger(config.startDay, `${path}.startDay`, { min: 1, max: 13 }))
    case 'monthly':
      return found(checkInteger(config.startDay, `${path}.startDay`, { min: 1, max: 28 }))
    default:
      return [
        { path: `${path}.frequency`, message: `${path}.frequency must be weekly, biweekly, semi_monthly or monthly` },
      ]
  }
}
