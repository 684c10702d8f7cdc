import { newId } from '../../packages/server/src/model/ids.js'

const WORDS =
  'order shipping refund invoice account password delivery tracking warranty return exchange billing subscription plan upgrade discount support payment card address'.split(
    ' ',
  )

/** About `chars` characters of support-chat prose, varied by `seed`. */
function prose(chars: number, seed: number): string {
  let s = ''
  let i = seed
  while (s.length < chars) {
    i = (i * 1103515245 + 12345) & 0x7fffffff
    s += `${WORDS[i % WORDS.length]} `
  }
  return s.slice(0, chars)
}

/** A generation span as the SDK sends it (UUIDv7 ids): ~1 KB of input and output together. */
export function spanEvent(traceId: string, n: number, t0: number) {
  const start = t0 + n * 37
  return {
    id: newId(),
    type: 'span-create',
    timestamp: new Date(start + 900).toISOString(),
    body: {
      id: newId(),
      traceId,
      kind: 'generation',
      name: 'chat.completions',
      startTime: new Date(start).toISOString(),
      endTime: new Date(start + 900).toISOString(),
      completionStartTime: new Date(start + 250).toISOString(),
      model: 'gpt-4o-mini',
      parameters: { temperature: 0.3, max_tokens: 300 },
      input: [
        { role: 'system', content: 'You are a helpful support assistant.' },
        { role: 'user', content: prose(300, n) },
      ],
      output: { role: 'assistant', content: prose(600, n + 7) },
      inputTokens: 90,
      outputTokens: 140,
      metadata: { region: 'eu', attempt: 1 },
    },
  }
}

/** Batches of `batchSize` spans, five spans per trace. */
export function makeBatches(batches: number, batchSize: number): { batch: ReturnType<typeof spanEvent>[] }[] {
  const t0 = Date.now() - 86_400_000
  let n = 0
  return Array.from({ length: batches }, () => {
    const batch = []
    let traceId = newId()
    for (let i = 0; i < batchSize; i++, n++) {
      if (i % 5 === 0) traceId = newId()
      batch.push(spanEvent(traceId, n, t0))
    }
    return { batch }
  })
}
