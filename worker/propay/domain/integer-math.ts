/**
 * Exact integer helpers. Products such as seconds × wage × burden can pass 2^53, so they are formed as BigInt and
 * brought back to `number` only once the result is known to be safe.
 */

/** `numerator / denominator` rounded half-up, for a non-negative numerator and a positive denominator. */
export function divideRoundHalfUp(numerator: bigint, denominator: bigint): bigint {
  assertDivisionOperands(numerator, denominator)
  return (numerator * 2n + denominator) / (denominator * 2n)
}

/** `numerator / denominator` rounded down, for a non-negative numerator and a positive denominator. */
export function divideFloor(numerator: bigint, denominator: bigint): bigint {
  assertDivisionOperands(numerator, denominator)
  return numerator / denominator
}

/** A figure too large for a double to hold exactly: the inputs were too large, not the code wrong. */
export class UnsafeIntegerError extends RangeError {
  override readonly name = 'UnsafeIntegerError'
}

/** Converts back to `number`, refusing values a double cannot hold exactly. */
export function toSafeNumber(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new UnsafeIntegerError(`${value} is outside the safe integer range`)
  }
  return Number(value)
}

function assertDivisionOperands(numerator: bigint, denominator: bigint) {
  // Both callers only ever divide money and time, which are never negative; a negative here is a bug upstream.
  if (numerator < 0n) throw new RangeError(`numerator must not be negative, got ${numerator}`)
  if (denominator <= 0n) throw new RangeError(`denominator must be positive, got ${denominator}`)
}
