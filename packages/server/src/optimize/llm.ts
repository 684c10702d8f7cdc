import { z } from 'zod'
import { extractJson } from '../eval/judge/extract-json.js'
import type { ChatMessage, Provider } from '../llm/index.js'
import { newId } from '../model/ids.js'
import { ServiceError } from '../prompts/index.js'
import {
  type Db,
  getPromptVersion,
  lockKeys,
  type StoredRecommendation,
  saveRecommendations,
} from '../store/index.js'
import { type Evidence, gatherEvidence } from './evidence.js'
import type { GenerateOptions } from './recommender.js'
import { RULES } from './rules/index.js'
import { pct } from './types.js'

const Text = z.string().trim().min(1).max(2000)

/** What the LLM must answer with; anything else is refused, never stored. */
export const LlmAdvice = z.object({
  insights: z.array(Text).max(10),
  recommendations: z
    .array(
      z.object({
        title: z.string().trim().min(3).max(200),
        rationale: Text,
        priority: z.enum(['high', 'medium', 'low']),
        effort: z.enum(['low', 'medium', 'high']),
        expectedEffect: Text,
      }),
    )
    .max(10),
  promptImprovements: z.array(Text).max(10),
  monitoringSuggestions: z.array(Text).max(10),
  /** A complete system prompt for the chatbot, or "" when the model proposes none. */
  proposedSystemPrompt: z.string().max(20_000),
})
export type LlmAdvice = z.infer<typeof LlmAdvice>

export type LlmResult = {
  advice: LlmAdvice
  provider: string
  model: string
  simulated: boolean
  costUsd: number | null
  stored: StoredRecommendation[]
}

function brief(e: Evidence, systemPrompt: string | null): string {
  const m = e.metrics
  const categories = e.byCategory
    .filter((g) => g.key && g.metrics.quality.n > 0)
    .map((g) => `${g.key}: quality ${g.metrics.quality.mean?.toFixed(2)} over ${g.metrics.quality.n}`)
  const lines = [
    `Interactions: ${m.interactions}; conversations: ${m.conversations}; error rate ${pct(m.errorRate ?? 0)}.`,
    `Latency: mean ${Math.round(m.latencyMs.mean ?? 0)} ms, p95 ${Math.round(m.latencyMs.p95 ?? 0)} ms.`,
    `Quality (0..1): mean ${m.quality.mean?.toFixed(2) ?? 'n/a'}, high-quality share ${pct(m.quality.highShare ?? 0)}.`,
    `Quality by category: ${categories.join('; ') || 'not categorised'}.`,
    `Cost: $${m.cost.totalUsd.toFixed(4)} in all, $${(m.cost.perConversationUsd ?? 0).toFixed(5)} per conversation.`,
    `Errors by type: ${JSON.stringify(m.errorsByType)}. Repeated questions: ${pct(e.repeated.share ?? 0)}.`,
    `Findings of the rule-based checks: ${
      RULES.flatMap((r) => r(e))
        .map((f) => f.title)
        .join('; ') || 'none'
    }.`,
  ]
  return `Figures of a customer-support chatbot over the last window:\n${lines.join('\n')}\n\nIts current system prompt:\n<system_prompt>\n${systemPrompt ?? '(not in the registry)'}\n</system_prompt>`
}

const SYSTEM = [
  'You are an expert at improving customer-support chatbots built on LLMs.',
  'From the figures given, write insights, concrete recommendations (each with a rationale, priority, effort and expected effect), prompt improvements, monitoring suggestions, and a complete improved system prompt.',
  'Reply with one JSON object and nothing else, valid against this JSON schema:',
  JSON.stringify(z.toJSONSchema(LlmAdvice)),
].join('\n')

async function ask(provider: Provider, messages: ChatMessage[], model?: string) {
  const responseFormat = provider.supportsJsonSchema
    ? ({ type: 'json_schema', name: 'chatbot_advice', schema: z.toJSONSchema(LlmAdvice) } as const)
    : ({ type: 'json_object' } as const)
  let costUsd: number | null = 0
  for (let attempt = 0; attempt < 2; attempt++) {
    const r = await provider.chat({ model, messages, temperature: 0.2, maxTokens: 4000, responseFormat })
    costUsd = costUsd === null || r.costUsd === null ? null : costUsd + r.costUsd
    const json = extractJson(r.content)
    const parsed = json.ok ? LlmAdvice.safeParse(json.value) : null
    if (parsed?.success) return { advice: parsed.data, model: r.model, simulated: r.simulated, costUsd }
    const problem = json.ok
      ? parsed!.error.issues
          .slice(0, 5)
          .map((i) => `${i.path.join('.')}: ${i.message}`)
          .join('; ')
      : json.reason
    if (attempt === 1)
      throw new ServiceError(
        'unavailable',
        'llm_invalid_output',
        `the model's advice does not match the schema: ${problem}`,
      )
    messages = [
      ...messages,
      { role: 'assistant', content: r.content },
      {
        role: 'user',
        content: `That could not be used (${problem}). Reply again with only the JSON object.`,
      },
    ]
  }
  throw new Error('unreachable')
}

/**
 * Asks the configured LLM for advice on the figures and stores its recommendations (source
 * "llm", with the provider named), plus one to try its proposed system prompt in an experiment.
 * The simulated provider cannot write advice: its answer is returned, labelled, and nothing is stored.
 */
export async function llmRecommendations(
  db: Db,
  projectId: string,
  provider: Provider,
  o: GenerateOptions & { model?: string },
  now = Date.now(),
): Promise<LlmResult> {
  const e = await gatherEvidence(db, projectId, o)
  const current = e.prompt
    ? await getPromptVersion(db, projectId, e.prompt.name, e.prompt.version)
    : undefined
  const system = current?.messages.find((m) => m.role === 'system')?.content ?? null
  const r = await ask(
    provider,
    [
      { role: 'system', content: SYSTEM },
      { role: 'user', content: brief(e, system) },
    ],
    o.model,
  )
  const label = { provider: provider.name, simulated: r.simulated }
  const slice = `${e.filter.bot ?? ''}|${e.filter.environment ?? ''}`
  const base = { status: 'open' as const, scope: { ...e.filter }, source: 'llm' as const, ...label, windowFrom: e.window.from, windowTo: e.window.to,
    experimentKey: null, promptName: null, promptVersion: null, note: null, createdAt: now, updatedAt: now, appliedAt: null, dismissedAt: null } // biome-ignore format: shared fields
  const stored: StoredRecommendation[] = r.simulated
    ? []
    : r.advice.recommendations.map((a) => ({
        ...base, id: newId(now), rule: 'llm', fingerprint: `llm:${a.title.toLowerCase().replace(/\W+/g, '-')}:${slice}`,
        priority: a.priority, title: a.title, evidence: { rationale: a.rationale, model: r.model }, evidenceText: a.rationale,
        action: a.title, expectedEffect: a.expectedEffect, effort: a.effort, proposal: { kind: 'manual', steps: [a.rationale] },
      })) // biome-ignore format: one recommendation
  const proposed = r.advice.proposedSystemPrompt.trim()
  if (!r.simulated && proposed && e.prompt && proposed !== system)
    stored.push({
      ...base, id: newId(now), rule: 'llm_system_prompt', fingerprint: `llm_system_prompt:${e.prompt.name}:${slice}`,
      priority: 'medium', title: `Try the system prompt ${r.model} proposes`, evidence: { model: r.model, improvements: r.advice.promptImprovements.join(' | ') },
      evidenceText: r.advice.promptImprovements.join('; ') || 'an improved system prompt written by the model',
      action: `Test the proposed system prompt against production ${e.prompt.name} v${e.prompt.version}.`,
      expectedEffect: 'Higher answer quality, shipped only if the experiment shows it.', effort: 'low',
      proposal: { kind: 'prompt', promptName: e.prompt.name, systemPrompt: proposed, primaryMetric: 'score:quality:heuristic' },
    }) // biome-ignore format: one recommendation
  if (stored.length)
    await db.transaction(async (tx) => {
      await lockKeys(tx, [`recommendations:${projectId}`])
      await saveRecommendations(tx, projectId, stored)
    })
  return { advice: r.advice, model: r.model, costUsd: r.costUsd, stored, ...label }
}
