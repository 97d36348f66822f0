/** How much data a generated tenant has. */
export interface SizeSpec {
  employees: number
  locations: number
  /** Days of history, ending yesterday (company-local). */
  days: number
}

export const SIZES = {
  empty: { employees: 0, locations: 0, days: 0 },
  small: { employees: 6, locations: 4, days: 21 },
  demo: { employees: 12, locations: 8, days: 42 },
  large: { employees: 300, locations: 60, days: 182 },
} as const satisfies Record<string, SizeSpec>

export type SizeName = keyof typeof SIZES
export type SizeInput = SizeName | Partial<SizeSpec>

export const sizeSpec = (size: SizeInput): SizeSpec => (typeof size === 'string' ? SIZES[size] : { ...SIZES.small, ...size })
