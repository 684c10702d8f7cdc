import type { Reading } from './intent.js'
import { TOPIC_BY_ID, type Topic } from './knowledge.js'
import type { SimulatedModel } from './models.js'
import { pick, type Rng } from './random.js'
import type { Style } from './style.js'
import { share, words } from './words.js'

const VAGUE = [
  'Thanks for reaching out! I would be happy to help with that. Could you share a few more details so I can look into it?',
  'That is a good question. It depends on your situation, so please check your account settings or let me know more about what you need.',
  'I can help with that. There are a few options available, and the best one depends on your account.',
]
const GREETING = [
  'Hello! How can I help you today?',
  'Hi there! What can I do for you today?',
  'Hello! I can help with orders, shipping, returns, billing, your account and our plans. What do you need?',
]
const THANKS = [
  'You are welcome! Have a great day.',
  'Glad I could help. Take care!',
  'Anytime! Have a good one.',
]
const OFF_TOPIC = [
  'I am sorry, but I can only help with questions about your orders, shipping, returns, billing, your account and our products.',
  'That is outside what I can help with: I am the support assistant for your orders, account, billing and our products.',
]
const DE_ESCALATE = [
  'I am here to help, and I would like to sort this out for you. Could you tell me what went wrong with your order or account?',
  'I want to help you with this. Please tell me what happened, and I will do my best to fix it.',
]
const UNKNOWN = [
  'I am not sure I understood. Could you tell me a bit more, for example your order number or what you are trying to do?',
  'Could you give me a few more details? I can help with orders, shipping, returns, billing, your account and our plans.',
]
const CLOSING = [
  'Is there anything else I can help you with?',
  'Let me know if you have any other questions.',
]
const WARM_CLOSING = [
  'I hope this helps, and please do not hesitate to reach out if anything else comes up.',
  'I am here for you if you need anything else, and thank you for your patience.',
  'Thank you for bearing with us; I really hope this gets resolved quickly for you.',
]
const UPSET_ACK = [
  'I completely understand your frustration.',
  'I can hear how frustrating this has been for you.',
]
/** How often the answer uses the phrasing that best fits the question. */
const BEST_PHRASING_SHARE = 0.75
/** Word overlap above which a detail counts as repeating the answer. */
const REPEAT_OVERLAP = 0.5
const WARM_OPENERS = ['Thank you for asking!', 'I really appreciate you reaching out.']

/** The first clause of a sentence (up to a semicolon), as a sentence: what a concise bot keeps. */
function firstClause(sentence: string): string {
  const cut = sentence.split(';')[0]?.trim() ?? sentence
  return /[.!?]$/.test(cut) ? cut : `${cut}.`
}

/** Sentences run on; a multi-line block (numbered steps) stands on its own lines. */
function joinParts(parts: string[]): string {
  return parts
    .map((p) => (p.includes('\n') ? `\n${p}\n` : ` ${p}`))
    .join('')
    .replace(/ *\n */g, '\n')
    .trim()
}

function choose<T>(rng: Rng, items: readonly T[], n: number): T[] {
  const pool = [...items]
  const chosen: T[] = []
  while (chosen.length < n && pool.length > 0)
    chosen.push(pool.splice(Math.floor(rng() * pool.length), 1)[0] as T)
  return chosen
}

/** Usually the phrasing closest to the question, sometimes another one, as a model would vary. */
function closest(rng: Rng, items: readonly string[], question: Set<string>): string {
  if (rng() >= BEST_PHRASING_SHARE) return pick(rng, items)
  let best = items[0] as string
  for (const item of items) if (share(question, words(item)) > share(question, words(best))) best = item
  return best
}

function topicAnswer(
  topic: Topic,
  question: string,
  style: Style,
  model: SimulatedModel,
  rng: Rng,
): string[] {
  const core = closest(rng, topic.core, words(question))
  if (style.concise) return [firstClause(core)]
  const parts = [core]
  if (style.steps) parts.push(topic.steps.map((s, i) => `${i + 1}. ${s}`).join('\n'))
  // A detail that repeats the answer in other words would not be added by a good bot.
  const said = words(core)
  const fresh = topic.details.filter((d) => share(words(d), said) < REPEAT_OVERLAP)
  parts.push(...choose(rng, fresh, model.details + (style.precise ? 1 : 0)))
  return parts
}

/** The simulated bot's answer to the conversation read from the last user message. */
export function composeAnswer(
  reading: Reading,
  question: string,
  style: Style,
  model: SimulatedModel,
  rng: Rng,
): string {
  const parts: string[] = []
  if (style.empathetic && reading.upset) parts.push(pick(rng, UPSET_ACK))
  const topic = reading.topic ? TOPIC_BY_ID.get(reading.topic) : undefined
  if (topic) {
    const vagueRate = model.vagueRate * (style.precise ? 0.4 : 1) * (style.bare ? 1.5 : 1)
    if (style.empathetic) parts.push(pick(rng, topic.acknowledge))
    if (rng() < vagueRate) parts.push(pick(rng, VAGUE))
    else parts.push(...topicAnswer(topic, question, style, model, rng))
  } else if (reading.intent === 'greeting') {
    parts.push(style.concise ? 'Hi! How can I help?' : pick(rng, GREETING))
    if (style.empathetic && !style.concise) parts.push('It is good to hear from you.')
    return joinParts(parts)
  } else if (reading.intent === 'thanks') {
    return style.concise ? 'You are welcome!' : pick(rng, THANKS)
  } else if (reading.intent === 'off_topic') {
    if (style.empathetic) parts.push(pick(rng, WARM_OPENERS))
    parts.push(pick(rng, OFF_TOPIC))
    if (!style.concise) parts.push('Is there something along those lines I can help with?')
    return joinParts(parts)
  } else if (reading.intent === 'abusive') {
    parts.push(style.concise ? 'I am here to help. What went wrong?' : pick(rng, DE_ESCALATE))
    return joinParts(parts)
  } else {
    parts.push(pick(rng, UNKNOWN))
    return joinParts(parts)
  }
  if (!style.concise) {
    if (style.empathetic) parts.push(pick(rng, WARM_CLOSING))
    else if (rng() < 0.4) parts.push(pick(rng, CLOSING))
  }
  return joinParts(parts)
}
