import type { Provider } from '../llm/index.js'
import type { VirtualClock } from './clock.js'

/**
 * A provider whose answers take their reported latency on a virtual clock: the simulated model
 * answers instantly but says how long a real one would have taken, and the demo's clock moves
 * by that much, so traces carry realistic latencies without the demo waiting for them.
 */
export function withVirtualLatency(provider: Provider, clock: VirtualClock): Provider {
  return {
    name: provider.name,
    simulated: provider.simulated,
    defaultModel: provider.defaultModel,
    supportsJsonSchema: provider.supportsJsonSchema,
    async chat(req) {
      const started = clock.now()
      try {
        const result = await provider.chat(req)
        clock.set(started + result.latencyMs)
        return result
      } catch (err) {
        clock.advance(req.timeoutMs ?? 2_000)
        throw err
      }
    },
  }
}
