/**
 * The set-ups compared. Each wraps the same no-op async "LLM" call and exports to the local
 * sink with batching on; `finish` flushes and returns what the SDK says it did.
 */
export type Llm = (question: string) => Promise<string>
export type Variant = {
  call: Llm
  finish: () => Promise<Record<string, unknown>>
}

/** Queue and batch sizes given to every SDK that has them, so they do the same work. */
const QUEUE_SIZE = 10_000
const BATCH_SIZE = 200
const FLUSH_MS = 1000

export const VARIANTS: Record<string, (llm: Llm, sinkUrl: string) => Promise<Variant>> = {
  async 'chatlens disabled'(llm) {
    const { Chatlens } = await import('../../packages/sdk/src/index.js')
    const cl = new Chatlens({ enabled: false })
    return { call: (q) => cl.trace('turn', () => llm(q), { input: q }), finish: async () => ({}) }
  },

  async 'chatlens trace()'(llm, sinkUrl) {
    const { Chatlens } = await import('../../packages/sdk/src/index.js')
    const cl = new Chatlens({
      apiKey: 'bench',
      baseUrl: sinkUrl,
      flushAt: BATCH_SIZE,
      maxQueueSize: QUEUE_SIZE,
    })
    return {
      call: (q) => cl.trace('turn', () => llm(q), { input: q }),
      finish: async () => {
        await cl.shutdown()
        return { ...cl.stats() }
      },
    }
  },

  async 'chatlens traceable()'(llm, sinkUrl) {
    const { Chatlens } = await import('../../packages/sdk/src/index.js')
    const cl = new Chatlens({
      apiKey: 'bench',
      baseUrl: sinkUrl,
      flushAt: BATCH_SIZE,
      maxQueueSize: QUEUE_SIZE,
    })
    const call = cl.traceable(llm, { name: 'turn' })
    return {
      call,
      finish: async () => {
        await cl.shutdown()
        return { ...cl.stats() }
      },
    }
  },

  async 'langsmith traceable()'(llm, sinkUrl) {
    const { Client } = await import('langsmith')
    const { traceable } = await import('langsmith/traceable')
    const client = new Client({
      apiUrl: sinkUrl,
      apiKey: 'bench',
      autoBatchTracing: true,
      batchSizeLimit: BATCH_SIZE,
    })
    const call = traceable(llm, { name: 'turn', client, tracingEnabled: true })
    return {
      call,
      finish: async () => {
        await client.awaitPendingTraceBatches()
        return {}
      },
    }
  },

  async 'opentelemetry BatchSpanProcessor'(llm, sinkUrl) {
    const api = await import('@opentelemetry/api')
    const { AsyncLocalStorageContextManager } = await import('@opentelemetry/context-async-hooks')
    const { BasicTracerProvider, BatchSpanProcessor } = await import('@opentelemetry/sdk-trace-base')
    const { OTLPTraceExporter } = await import('@opentelemetry/exporter-trace-otlp-http')
    const contextManager = new AsyncLocalStorageContextManager().enable()
    api.context.setGlobalContextManager(contextManager)
    const processor = new BatchSpanProcessor(new OTLPTraceExporter({ url: `${sinkUrl}/v1/traces` }), {
      maxQueueSize: QUEUE_SIZE,
      maxExportBatchSize: BATCH_SIZE,
      scheduledDelayMillis: FLUSH_MS,
    })
    const provider = new BasicTracerProvider({ spanProcessors: [processor] })
    api.trace.setGlobalTracerProvider(provider)
    const tracer = provider.getTracer('bench')
    const call: Llm = (q) =>
      tracer.startActiveSpan('turn', async (span) => {
        span.setAttribute('input.value', q)
        try {
          const out = await llm(q)
          span.setAttribute('output.value', out)
          return out
        } finally {
          span.end()
        }
      })
    return {
      call,
      finish: async () => {
        await provider.forceFlush()
        await provider.shutdown()
        return {}
      },
    }
  },
}
