import { analyze } from './analysis.js'

export type QueryKind = 'greeting' | 'yes_no' | 'lookup' | 'how_to' | 'statement'

const GREETING_RE =
  /^(?:hi|hello|hey|good (?:morning|afternoon|evening)|thanks|thank you|thx|cheers|bye|goodbye|ok|okay|great|cool|perfect|sorry to bother)\b/
const HOW_TO_RE =
  /\b(?:how|why|explain|steps?|walk me through|what are my options|what (?:should|can) i do|troubleshoot|set ?up|configure|migrate|fix|error|fails?|failing|not working|doesn't work|broken|difference between)\b/
const YES_NO_RE = /^(?:is|are|do|does|did|can|could|will|would|should|has|have|was|were|am|may)\b/
const LOOKUP_RE = /^(?:what|when|where|which|who|whose|how (?:much|many|long|often))\b/
const GREETING_MAX_WORDS = 6

/**
 * What kind of answer a user message asks for, from its opening words: small talk (greeting,
 * thanks), a yes/no question, a factual lookup, a how-to or troubleshooting request, or a statement.
 */
export function classifyQuery(query: string): QueryKind {
  const q = query.trim().toLowerCase().replaceAll('’', "'")
  if (analyze(query).words.length <= GREETING_MAX_WORDS && GREETING_RE.test(q)) return 'greeting'
  if (LOOKUP_RE.test(q) && !/\b(?:why|explain|steps?|fix|error)\b/.test(q)) return 'lookup'
  if (HOW_TO_RE.test(q)) return 'how_to'
  if (YES_NO_RE.test(q)) return 'yes_no'
  return 'statement'
}
