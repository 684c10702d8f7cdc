import { measure } from './measure.js'
import { VARIANTS } from './variants.js'

/**
 * One variant in a fresh process: the baseline is measured before the SDK is loaded, so any
 * process-wide cost the SDK brings (async context hooks) counts as its overhead.
 * Usage: variant.ts <name> <sinkUrl> <calls>
 */
const [name, sinkUrl, callsArg] = process.argv.slice(2)
const calls = Number(callsArg)
const warmup = Math.min(10_000, calls)

async function llm(_question: string): Promise<string> {
  return 'Your order ships tomorrow.'
}

await measure(llm, warmup)
const baseline = await measure(llm, calls)
const variant = await VARIANTS[name!]!(llm, sinkUrl!)
await measure(variant.call, warmup)
const traced = await measure(variant.call, calls)
// An SDK that gives up on exporting (OpenTelemetry rejects exports past its concurrency limit)
// reports it here instead of failing the run; the sink's count shows what arrived.
const sdkStats = await variant.finish().catch((err: unknown) => ({ finishError: String(err).slice(0, 200) }))
process.stdout.write(`${JSON.stringify({ name, calls, baseline, traced, sdkStats })}\n`)
