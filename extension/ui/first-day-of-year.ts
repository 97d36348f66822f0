/** The default sync start date: January 1st of the current year, as the API's `YYYY-MM-DD`. */
export function firstDayOfYear(now: Date = new Date()): string {
  return `${now.getFullYear()}-01-01`
}
