import { normalQuantile } from './normal.js'
import { DEFAULT_POWER } from './power-means.js'
import { ceilSampleSize } from './root-finding.js'
import { DEFAULT_MIXING_SD_IN_SDS } from './sequential.js'
import { DEFAULT_ALPHA } from './welch.js'

// Sample size for the mixture sequential test (sequentialTest), planned like a fixed-horizon one:
// the n per arm at which a look rejects with probability `power` when the true difference is
// `effect`. At n, the estimate d̂ ~ N(effect, V) with V = 2σ²/n, and it falls below
// effect − z_power·√V with probability 1 − power; n is the smallest size at which even that
// estimate gives Λ ≥ 1/α:
//   ½·ln(V/(V + τ²)) + τ²·d² / (2V(V + τ²)) ≥ ln(1/α),   d = |effect| − z_power·√V.
// The guarantee is for that one look; looks before it can only reject earlier, so the chance of
// having rejected by n is at least `power` (up to the normal approximation of d̂).

export type SequentialPowerInput = {
  effect: number
  sd: number
  alpha?: number
  power?: number
  /** τ² of the test; by default (DEFAULT_MIXING_SD_IN_SDS·σ)², as sequentialTest uses. */
  mixingVariance?: number
}

const MAX_UNITS = 1e12

function rejectsAt(
  n: number,
  { effect, sd, alpha, power, mixingVariance }: Required<SequentialPowerInput>,
): boolean {
  const v = (2 * sd * sd) / n
  const d = Math.abs(effect) - normalQuantile(power) * Math.sqrt(v)
  if (d <= 0) return false
  const tau2 = mixingVariance
  const logLambda = 0.5 * Math.log(v / (v + tau2)) + (tau2 * d * d) / (2 * v * (v + tau2))
  return logLambda >= Math.log(1 / alpha)
}

/** Units per arm the sequential test needs to detect `effect` with probability about `power`. */
export function sampleSizeForSequential(input: SequentialPowerInput): number {
  const o: Required<SequentialPowerInput> = {
    alpha: DEFAULT_ALPHA,
    power: DEFAULT_POWER,
    mixingVariance: (DEFAULT_MIXING_SD_IN_SDS * input.sd) ** 2,
    ...input,
  }
  if (!(o.sd > 0 && Number.isFinite(o.sd)))
    throw new RangeError(`sampleSizeForSequential: sd must be positive`)
  if (o.effect === 0) throw new RangeError('sampleSizeForSequential: an effect of 0 cannot be detected')
  if (!(o.mixingVariance > 0))
    throw new RangeError('sampleSizeForSequential: mixingVariance must be positive')
  // Once d̂ is positive the condition only gets easier as n grows: find the first n that meets it.
  let hi = 2
  while (!rejectsAt(hi, o)) {
    hi *= 2
    if (hi > MAX_UNITS) return Number.POSITIVE_INFINITY
  }
  let lo = hi / 2
  if (hi === 2) return 2
  while (hi - lo > 1e-6 * hi) {
    const mid = 0.5 * (lo + hi)
    if (rejectsAt(mid, o)) hi = mid
    else lo = mid
  }
  return ceilSampleSize(hi)
}
