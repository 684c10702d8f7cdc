import type { ConversationStage } from '../../model/index.js'

export type StageRule = { stage: ConversationStage; why: string }

/** Keyword rules, tried in order; the first that matches names the turn's stage. */
const FAREWELL =
  /\b(bye|goodbye|see you|that'?s all|that is all|have a (nice|good|great) (day|one|evening)|talk (to you )?later)\b/i
const THANKS_ONLY = /^\s*(ok(ay)?[,.!]?\s*)?(thanks|thank you|thx|cheers)[\s\w,.!]{0,20}$/i
const GREETING = /^\s*(hi|hello|hey|hiya|good (morning|afternoon|evening)|greetings)\b/i
const USER_RESOLVED =
  /\b(it works|that worked|works now|problem solved|solved it|fixed it|that fixed|perfect|that helps|that helped)\b/i
const BOT_RESOLVED =
  /\b(i('ve| have) (updated|processed|issued|reset|cancell?ed|refunded|fixed|resolved|sent|changed)|has been (resolved|processed|refunded|updated|cancell?ed|reset|sent|shipped)|is now (fixed|resolved|active|updated)|you('re| are) all set|all set)\b/i
const CLARIFY =
  /\b(what do you mean|i mean|i meant|to clarify|that'?s not what i (asked|meant)|no,? i (said|asked|want)|did you mean|could you clarify|can you clarify|do you mean)\b/i
const ASKS_INFO =
  /\b(could you (please )?(provide|share|tell me|send|confirm)|can you (please )?(provide|share|tell me|send|confirm)|what is your|what's your|which (order|account|email|plan|device|product)|please (provide|share|send|confirm)|may i have)\b/i

/**
 * The stage of one turn (PRODUCT.md 1.2) from the user's query and the bot's response:
 * greeting (an opening hello), farewell, resolution (the bot reports the fix or the user
 * confirms it), clarification (either side restates), information gathering (the bot asks for
 * details) and otherwise problem solving. A heuristic: explicit stages from the chatbot win.
 */
export function detectStage(query: string, response: string, index: number, turns: number): StageRule {
  const q = query.trim()
  const words = q.split(/\s+/).filter(Boolean).length
  if (FAREWELL.test(q) || (index === turns - 1 && index > 0 && THANKS_ONLY.test(q)))
    return { stage: 'farewell', why: 'goodbye or thanks' }
  if (index === 0 && GREETING.test(q) && words <= 6) return { stage: 'greeting', why: 'opening hello' }
  if (USER_RESOLVED.test(q) || BOT_RESOLVED.test(response))
    return { stage: 'resolution', why: 'fix reported or confirmed' }
  if (CLARIFY.test(q) || CLARIFY.test(response))
    return { stage: 'clarification', why: 'restating or asking what was meant' }
  if (ASKS_INFO.test(response) || (response.trim().endsWith('?') && words <= 12))
    return { stage: 'information_gathering', why: 'bot asks for details' }
  return { stage: 'problem_solving', why: 'default' }
}
