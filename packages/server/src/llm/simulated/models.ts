/**
 * Simulated models. They differ the way real model tiers do: the mini model answers faster and
 * shorter and is vaguer more often; the pro model is slower, more thorough and rarely vague.
 */
export type SimulatedModel = {
  name: string
  /** Median time to first token, in ms. */
  ttftMedianMs: number
  /** Generation time per output token, in ms. */
  msPerOutputToken: number
  /** Spread of the log-normal latency (sigma of its log). */
  latencySigma: number
  /** Share of answers that are vague when the prompt does not ask for precision. */
  vagueRate: number
  /** Extra facts added to a normal (not concise) answer. */
  details: number
}

export const DEFAULT_SIMULATED_MODEL = 'simulated-support-1'

export const SIMULATED_MODELS: Record<string, SimulatedModel> = {
  'simulated-support-1': {
    name: 'simulated-support-1',
    ttftMedianMs: 450,
    msPerOutputToken: 9,
    latencySigma: 0.3,
    vagueRate: 0.12,
    details: 1,
  },
  'simulated-support-mini': {
    name: 'simulated-support-mini',
    ttftMedianMs: 280,
    msPerOutputToken: 5,
    latencySigma: 0.3,
    vagueRate: 0.22,
    details: 0,
  },
  'simulated-support-pro': {
    name: 'simulated-support-pro',
    ttftMedianMs: 700,
    msPerOutputToken: 14,
    latencySigma: 0.35,
    vagueRate: 0.05,
    details: 2,
  },
}

const SMALL_MODEL = /(mini|nano|flash|haiku|small|lite|instant|8b|3b)/i
const LARGE_MODEL = /(opus|-pro\b|gpt-4\.1$|gpt-4o$|gpt-5$|sonnet|large|70b|405b|o3$|o1$)/i

/**
 * The profile for a requested model and the name reported for it. A real model name asked of the
 * simulated provider is reported as `simulated/<name>` (priced like the real model, labelled as
 * simulated) and behaves like the simulated model of its tier.
 */
export function resolveSimulatedModel(requested: string | undefined, fallback: string) {
  const name = requested?.trim() || fallback
  const known = SIMULATED_MODELS[name]
  if (known) return { reported: name, profile: known }
  const reported = name.startsWith('simulated') ? name : `simulated/${name}`
  const tier = SMALL_MODEL.test(name)
    ? 'simulated-support-mini'
    : LARGE_MODEL.test(name)
      ? 'simulated-support-pro'
      : DEFAULT_SIMULATED_MODEL
  return { reported, profile: SIMULATED_MODELS[tier] as SimulatedModel }
}
