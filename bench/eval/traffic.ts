import { mulberry32 } from '../../packages/server/src/util/random.js'

/**
 * Deterministic synthetic support traffic for benchmarks: realistic queries and 50-300-word
 * responses assembled from support-style sentences, every pair distinct.
 */
const QUERIES = [
  'How do I reset my password?',
  'Where is my order {n}?',
  'Can I get a refund for order {n}?',
  'How do I cancel my subscription?',
  'Why was I charged twice in {m}?',
  'How do I change my shipping address?',
  'The app crashes when I open the camera on my {d}.',
  'Do you ship to {c}?',
  'How do I export my data from {m}?',
  'How do I add a team member to workspace {n}?',
  'My payment failed with error {n}, what should I do?',
  'Is there a student discount for the {p} plan?',
  'How do I turn on two-factor authentication?',
  'Can I pause my membership until {m}?',
  'What payment methods do you accept in {c}?',
  'The package for order {n} arrived damaged.',
  'How long does express shipping to {c} take?',
  'How do I connect the calendar integration on my {d}?',
  'Why is the {p} plan more expensive this month?',
]
const FILL: Record<string, readonly string[]> = {
  c: ['Canada', 'Germany', 'Australia', 'Japan', 'Brazil', 'Norway', 'Spain', 'Mexico'],
  m: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September'],
  d: ['phone', 'tablet', 'laptop', 'Android 14 phone', 'iPad', 'work computer'],
  p: ['Pro', 'Team', 'Business', 'Starter', 'Enterprise'],
}
const SENTENCES = [
  'Thanks for reaching out, I am happy to help with this.',
  'Open Settings > Security and choose "Reset password" to get a new link by e-mail.',
  'The link expires after 24 hours, so please use it soon.',
  'If the e-mail does not arrive, check your spam folder or request a new link.',
  'You can track your parcel from Orders > Track shipment, which shows the latest scan from the carrier.',
  'Deliveries are sometimes delayed by a day or two during busy periods.',
  'Annual subscriptions can be refunded in full within 14 days of purchase.',
  'Go to Billing > Subscription and choose "Cancel and request refund".',
  'The money is returned to your original payment method within 5 to 10 business days.',
  'When a payment fails, your bank may show a temporary authorisation hold that is released automatically.',
  'I am sorry about the inconvenience this has caused.',
  'Updating the app to the latest version usually fixes camera crashes.',
  'Turn the camera permission off and on again, then restart the app.',
  'If it still crashes, send us the crash report from Help > Report a problem.',
  'Standard shipping takes 5 to 8 business days and express takes 2 to 3.',
  'Import duties are calculated at checkout, so there are no surprise fees on delivery.',
  'Your export is prepared as a ZIP archive and we e-mail you a download link when it is ready.',
  'Invite members from Workspace settings > Members and choose a role for each of them.',
  'Students get 50% off the Pro plan after verifying their school e-mail address.',
  'Two-factor authentication adds a six-digit code from an authenticator app to every sign-in.',
  'Save the backup codes somewhere safe; you will need them if you lose your phone.',
  'You can pause your membership for up to three months from Account > Membership.',
  'We accept Visa, Mastercard and American Express cards, PayPal, Apple Pay and Google Pay.',
  'Please take a photo of the damaged item and the box, then open Orders > Report a problem.',
  'We will send a replacement or a full refund, whichever you prefer.',
  'The calendar integration syncs new bookings automatically once it is connected.',
  'Prices changed on the first of the month, as described in our pricing page at https://example.com/pricing.',
  'According to our refund policy, refunds are issued to the original payment method.',
  'It might take a little longer during public holidays.',
  'Let me know if there is anything else I can do for you.',
  'Your feedback helps the product team decide what to build next.',
  'This setting applies to every device you are signed in to.',
  'For security reasons we never show the full card number, only the last four digits.',
  'The change takes effect immediately and you do not need to restart the app.',
  'If you use single sign-on, sign in through your company portal instead.',
  'Our support team is available Monday to Friday from 8 am to 8 pm.',
]

/** Seeded, so every run generates the same traffic. */
export const prng = mulberry32

function shuffle<T>(xs: T[], rand: () => number): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1))
    ;[xs[i], xs[j]] = [xs[j]!, xs[i]!]
  }
  return xs
}

export type Turn = { query: string; response: string; words: number }

export function generateTraffic(count: number, seed: number, minWords = 50, maxWords = 300): Turn[] {
  const rand = prng(seed)
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!
  const out: Turn[] = []
  for (let i = 0; i < count; i++) {
    const query = pick(QUERIES).replace(/\{(\w)\}/g, (_, k: string) =>
      k === 'n' ? String(10_000 + Math.floor(rand() * 90_000)) : pick(FILL[k]!),
    )
    const target = minWords + Math.floor(rand() * (maxWords - minWords + 1))
    // Sentences drawn without replacement (a real answer does not repeat itself), reshuffled
    // when a long answer uses them all up.
    const parts: string[] = []
    let words = 0
    let deck: string[] = []
    while (words < target) {
      if (deck.length === 0) deck = shuffle([...SENTENCES], rand)
      const s = deck.pop()!
      parts.push(s)
      words += s.split(/\s+/).length
    }
    // A paragraph break now and then, and a per-turn detail so no two responses are equal.
    const response = `${parts.join(rand() < 0.3 ? '\n\n' : ' ')} Reference ${i}-${Math.floor(rand() * 1e6)}.`
    out.push({ query, response, words: response.split(/\s+/).length })
  }
  return out
}
