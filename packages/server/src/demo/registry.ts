import type { Chatlens } from '@chatlens/sdk'
import { DEFAULT_SYSTEM_PROMPT, type SystemPrompt, type TurnInput } from './chatbot.js'

/** The demo's prompt in the registry and the experiment between its two versions. */
export const DEMO_PROMPT = 'support-system'
export const DEMO_EXPERIMENT = 'empathetic-tone'
export const DEMO_STORE = 'Northwind Outfitters'

// Version 1 asks for brief answers; version 2 for warmth. The simulated model really answers
// differently to each (llm/simulated/style.ts), and the simulated customers reward warmth
// (demo/customer.ts), so satisfaction differs, and so do answer length, cost and latency.
const SCOPE =
  'You are the support assistant of {{store}}, an online store. Answer questions about orders, shipping, ' +
  'returns, refunds, billing, accounts and our products.'
const CLOSE =
  'If you are not sure, say so and offer to connect the customer with a human agent. Politely decline ' +
  'requests unrelated to the store.'
export const STANDARD_PROMPT = `${SCOPE} Be accurate and brief. ${CLOSE}`
export const EMPATHETIC_PROMPT = `${SCOPE} Be warm and empathetic: acknowledge how the customer feels and reassure them. Be accurate. ${CLOSE}`

/** A call to the chatlens API: the answer's status and JSON body. */
export type ApiAnswer = { status: number; body: { status?: string } | null }
export type Api = (method: string, path: string, body?: unknown) => Promise<ApiAnswer>

/**
 * Puts the demo's prompt (standard in production, empathetic in staging) and a running
 * experiment between them into the registry, unless they are there already (a second demo run
 * keeps them, and the experiment's results grow).
 */
export async function ensureDemoExperiment(api: Api): Promise<{ created: boolean; running: boolean }> {
  let created = false
  if ((await api('GET', `/api/v1/prompts/${DEMO_PROMPT}?label=latest`)).status === 404) {
    const version = (content: string, label: string, commitMessage: string) =>
      api('POST', '/api/v1/prompts', {
        name: DEMO_PROMPT,
        description: 'System prompt of the reference support chatbot',
        messages: [{ role: 'system', content }],
        commitMessage,
        author: 'chatlens demo',
        labels: [label],
      })
    await must(version(STANDARD_PROMPT, 'production', 'Standard support prompt: accurate and brief'))
    await must(version(EMPATHETIC_PROMPT, 'staging', 'Empathetic tone: acknowledge feelings, reassure'))
    created = true
  }
  const existing = await api('GET', `/api/v1/experiments/${DEMO_EXPERIMENT}`)
  if (existing.status !== 404) return { created, running: existing.body?.status === 'running' }
  await must(
    api('POST', '/api/v1/experiments', {
      key: DEMO_EXPERIMENT,
      name: 'Empathetic tone',
      hypothesis:
        'Acknowledging how customers feel raises their satisfaction, at the price of longer answers.',
      unit: 'session',
      variants: [
        { key: 'standard', name: 'Standard (brief)', prompt: { name: DEMO_PROMPT, label: 'production' } },
        { key: 'empathetic', name: 'Empathetic', prompt: { name: DEMO_PROMPT, label: 'staging' } },
      ],
      primaryMetric: 'satisfaction',
      guardrails: ['error_rate', 'score:quality:heuristic'],
      // Watched as it runs, so always-valid statistics; a 10 % change in satisfaction matters.
      settings: { sequential: true, minimumEffect: 0.1 },
      start: true,
    }),
  )
  return { created: true, running: true }
}

async function must(p: Promise<ApiAnswer>) {
  const res = await p
  if (res.status >= 300)
    throw new Error(`the demo could not set up its prompt experiment: ${JSON.stringify(res.body)}`)
  return res
}

/**
 * The chatbot's system prompt for a turn, from the registry: the conversation is assigned to a
 * variant of the experiment (by session id, locally by the SDK), and gets that variant's prompt
 * version; outside the experiment, the production version; with the registry unreachable and
 * nothing cached, the built-in prompt.
 */
export function registrySystemPrompt(
  chatlens: Chatlens,
  o: { prompt?: string; experiment?: string; variables?: Record<string, string> } = {},
): (turn: TurnInput) => Promise<SystemPrompt> {
  const name = o.prompt ?? DEMO_PROMPT
  const experiment = o.experiment ?? DEMO_EXPERIMENT
  const variables = o.variables ?? { store: DEMO_STORE }
  return async function systemPromptFromRegistry(turn) {
    const a = await chatlens.assign(experiment, turn.sessionId)
    const prompt = await chatlens.prompts.get(name, {
      version: a.config?.prompt?.version,
      fallback: DEFAULT_SYSTEM_PROMPT,
    })
    const text = a.config?.systemMessage ?? prompt.render(variables).find((m) => m.role === 'system')?.content
    return {
      text: text ?? DEFAULT_SYSTEM_PROMPT,
      ...(prompt.version !== null && { name: prompt.name, version: prompt.version }),
      ...(a.config?.model && { model: a.config.model }),
      ...(a.config?.temperature !== undefined && { temperature: a.config.temperature }),
      ...(a.config?.maxTokens !== undefined && { maxTokens: a.config.maxTokens }),
      ...(a.inExperiment && { experiment: { key: a.experimentKey, variant: a.variant! } }),
    }
  }
}
