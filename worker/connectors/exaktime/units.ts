/** ExakTime sends dollars and hours as decimals; we keep integer cents and seconds. */
export const hoursToSeconds = (hours: number | null | undefined) => Math.round((hours ?? 0) * 3600)
export const dollarsToCents = (dollars: number) => Math.round(Number((dollars * 100).toFixed(4)))
export const datePart = (value: string | null | undefined) => (value ? value.slice(0, 10) : null)
