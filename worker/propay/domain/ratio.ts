import { divideFloor, divideRoundHalfUp, toSafeNumber } from './integer-math'

/**
 * An exact non-negative fraction. Budgets pass through several multiplications (modifier, adjustment, blended wage)
 * and the spec rounds them once, at the end; keeping the chain as a fraction makes "once" literal.
 */
export interface Ratio {
  readonly numerator: bigint
  readonly denominator: bigint
}

export const ratio = (numerator: bigint | number, denominator: bigint | number = 1n): Ratio => {
  const den = BigInt(denominator)
  if (den <= 0n) throw new RangeError(`denominator must be positive, got ${den}`)
  return { numerator: BigInt(numerator), denominator: den }
}

export const multiplyRatios = (a: Ratio, b: Ratio): Ratio =>
  ratio(a.numerator * b.numerator, a.denominator * b.denominator)

export const addRatios = (a: Ratio, b: Ratio): Ratio =>
  ratio(a.numerator * b.denominator + b.numerator * a.denominator, a.denominator * b.denominator)

export const isZeroRatio = (value: Ratio) => value.numerator === 0n

export const roundRatioHalfUp = (value: Ratio): number =>
  toSafeNumber(divideRoundHalfUp(value.numerator, value.denominator))

export const floorRatio = (value: Ratio): number => toSafeNumber(divideFloor(value.numerator, value.denominator))
