/**
 * How the system prompt shapes the simulated bot's answers, so that A/B tests between prompts
 * measure real differences: warmer and longer with an empathetic prompt, shorter with a concise
 * one, numbered steps when steps are asked for, fewer vague answers when precision is asked for.
 */
export type Style = {
  empathetic: boolean
  concise: boolean
  steps: boolean
  /** The prompt asks for specific, accurate answers from the knowledge base. */
  precise: boolean
  /** The prompt asks the bot to stay on topic / decline unrelated questions. */
  scoped: boolean
  /** There was no system prompt at all. */
  bare: boolean
}

const EMPATHETIC =
  /\b(empath\w*|warm(th|ly)?|caring|compassion\w*|kindness|acknowledge|feelings?|reassur\w*)\b/
const CONCISE =
  /\b(concise(ly)?|brief(ly)?|short|succinct(ly)?|terse|to the point|one or two sentences|few words)\b/
const STEPS = /\b(step[- ]by[- ]step|numbered|bullet(ed)?( points?| list)?|list the steps)\b/
const PRECISE = /\b(specific|accurate|exact|precise|policy|policies|knowledge base|facts?|details)\b/
const SCOPED = /\b(only (answer|help)|stay on topic|off[- ]topic|unrelated|politely (decline|refuse))\b/

export function styleOf(systemPrompt: string | null): Style {
  if (!systemPrompt?.trim()) {
    return { empathetic: false, concise: false, steps: false, precise: false, scoped: false, bare: true }
  }
  const text = systemPrompt.toLowerCase()
  return {
    empathetic: EMPATHETIC.test(text),
    concise: CONCISE.test(text),
    steps: STEPS.test(text),
    precise: PRECISE.test(text),
    scoped: SCOPED.test(text),
    bare: false,
  }
}
