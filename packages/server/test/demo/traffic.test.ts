import { Chatlens, type Exporter } from '@chatlens/sdk'
import { describe, expect, it } from 'vitest'
import { runTraffic, SupportChatbot, VirtualClock, withVirtualLatency } from '../../src/demo/index.js'
import { createSimulatedProvider } from '../../src/llm/index.js'

describe('demo traffic', () => {
  it('waits for delivery instead of overflowing the SDK queue when the model answers faster than events are sent', async () => {
    // A receiver that takes 5 ms per batch, like a busy server; the simulated model answers at once.
    const received: string[] = []
    const slow: Exporter = {
      async export(events) {
        await new Promise((r) => setTimeout(r, 5))
        received.push(...events)
        return { status: 'success' }
      },
    }
    const clock = new VirtualClock(Date.now())
    const chatlens = new Chatlens({ exporter: slow, clock, flushAt: 20, maxQueueSize: 60, onError: () => {} })
    const chatbot = new SupportChatbot({
      chatlens,
      provider: withVirtualLatency(createSimulatedProvider({ seed: 7 }), clock),
      clock,
    })
    const summary = await runTraffic({
      chatlens,
      chatbot,
      clock,
      conversations: 30,
      users: 5,
      days: 2,
      seed: 7,
      now: Date.now(),
      deliveryBacklog: 30,
    })
    await chatlens.shutdown()
    expect(summary.turns).toBeGreaterThan(30)
    expect(chatlens.stats()).toMatchObject({ dropped: 0, failed: 0, queued: 0 })
    expect(received.length).toBe(chatlens.stats().sent)
  })
})
