import { TOPICS, type TopicId } from './knowledge.js'

export type Intent = TopicId | 'greeting' | 'thanks' | 'off_topic' | 'abusive' | 'unknown'

export type Reading = {
  intent: Intent
  /** The knowledge-base topic, also when the message is abusive but still asks something. */
  topic: TopicId | null
  abusive: boolean
  /** The user sounds upset (exclamation marks, complaint words, insults). */
  upset: boolean
}

/** Insults and profanity, with common evasions (f*ck, f.u.c.k, sh1t). */
const ABUSE = [
  /\bf+[\W_]*[u*@]+[\W_]*c+[\W_]*k+\w*/,
  /\bsh[i1!*]+t+\w*/,
  /\b(idiot\w*|stupid|moron\w*|dumb|useless|pathetic|garbage|trash|crap|damn|bastard\w*|loser|incompetent|imbecile)\b/,
  /\b(shut up|hate you|you suck|screw you|go to hell)\b/,
]
const UPSET =
  /(!{2,}|\b(angry|furious|upset|frustrat\w*|annoy\w*|ridiculous|unacceptable|terrible|awful|worst|disappoint\w*|still waiting|again)\b)/
const GREETING = /^\s*(hi|hello|hey|good (morning|afternoon|evening)|hiya|howdy)\b[\s!.,]*(there)?[\s!.,]*$/
const THANKS = /^\s*(thanks?|thank you|thx|cheers|great,? thanks|perfect|ok(ay)?,? thanks?|bye|goodbye)\b/
const OFF_TOPIC =
  /\b(weather|joke|poem|song|lyrics|recipe|cook|football|soccer|basketball|match|game last night|election|president|politic\w*|religion|bitcoin|crypto|stocks?|invest\w*|homework|essay|capital of|movie|film|netflix|horoscope|girlfriend|boyfriend|dating|meaning of life|translate|write (me )?(a|some) code|python script)\b/

/** Score below which no topic is considered matched. */
const MIN_TOPIC_SCORE = 2

export function topicOf(text: string): TopicId | null {
  const lower = text.toLowerCase()
  let best: TopicId | null = null
  let bestScore = 0
  for (const topic of TOPICS) {
    let score = 0
    for (const [pattern, weight] of topic.keywords) if (pattern.test(lower)) score += weight
    if (score > bestScore) {
      best = topic.id
      bestScore = score
    }
  }
  return bestScore >= MIN_TOPIC_SCORE ? best : null
}

export function isAbusive(text: string): boolean {
  const lower = text.toLowerCase()
  return ABUSE.some((p) => p.test(lower))
}

/**
 * What the last user message asks. A follow-up without a topic of its own ("and how long does it
 * take?") inherits the topic of the previous user message.
 */
export function readUser(userMessages: string[]): Reading {
  const last = userMessages.at(-1) ?? ''
  const lower = last.toLowerCase()
  const abusive = isAbusive(last)
  const upset = abusive || UPSET.test(lower)
  let topic = topicOf(last)
  const offTopic = !topic && OFF_TOPIC.test(lower)
  const smallTalk = GREETING.test(lower) || THANKS.test(lower)
  if (!topic && !offTopic && !smallTalk && userMessages.length > 1 && last.split(/\s+/).length <= 8) {
    topic = topicOf(userMessages.at(-2) ?? '')
  }
  let intent: Intent
  if (topic) intent = topic
  else if (abusive) intent = 'abusive'
  else if (offTopic) intent = 'off_topic'
  else if (GREETING.test(lower)) intent = 'greeting'
  else if (THANKS.test(lower)) intent = 'thanks'
  else intent = 'unknown'
  return { intent, topic, abusive, upset }
}
