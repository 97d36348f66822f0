/** Cents as money in the words of a message (problems, warnings), so they read in the organisation's currency. */
export type FormatMoney = (cents: number) => string

/** The organisation's money settings (its `locale` and `currency`, as /api/v1/organization keeps them). */
export interface MoneySettings {
  readonly locale: string
  readonly currency: string
}

/** Formats cents as dollars for messages, e.g. 1234567 → `$12,345.67`; no locale data, so every runtime agrees. */
export function formatCents(cents: number): string {
  const sign = cents < 0 ? '-' : ''
  const abs = Math.abs(cents)
  const dollars = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return `${sign}$${dollars}.${String(abs % 100).padStart(2, '0')}`
}

/**
 * The message formatter for an organisation: en-US dollars (`formatCents`) when none is given or it is en-US/USD,
 * else Intl in its locale and currency (`1.234,56 €` for de-DE/EUR). Cents are divided only to be shown.
 */
export function moneyFormatter(settings?: MoneySettings): FormatMoney {
  if (!settings || (settings.locale === 'en-US' && settings.currency === 'USD')) return formatCents
  const format = new Intl.NumberFormat(settings.locale, { style: 'currency', currency: settings.currency, minimumFractionDigits: 2, maximumFractionDigits: 2 })
  return (cents) => format.format(cents / 100)
}
