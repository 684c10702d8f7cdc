/**
 * Scripted conversations the demo's simulated customers walk through: mostly real support
 * questions, some off-topic ones and some abusive ones, as a production support bot sees.
 */
export type ScenarioKind = 'support' | 'off_topic' | 'abusive'

export type Scenario = {
  id: string
  kind: ScenarioKind
  /** Turn by turn; the customer may stop early. */
  turns: string[]
  /** Relative frequency. */
  weight: number
}

export const SCENARIOS: Scenario[] = [
  {
    id: 'order-status',
    kind: 'support',
    weight: 8,
    turns: [
      'Hi',
      'Where is my order? I ordered a week ago and it still has not arrived.',
      'The order number is 48213. How can I track it?',
      'And what if it does not arrive by Friday?',
      'Thanks, that helps!',
    ],
  },
  {
    id: 'refund',
    kind: 'support',
    weight: 7,
    turns: [
      'I want to return a jacket I bought, it is too small.',
      'How long does the refund take once you receive it?',
      'Do I have to pay for the return shipping?',
      'Great, thanks',
    ],
  },
  {
    id: 'password',
    kind: 'support',
    weight: 6,
    turns: [
      'I cannot log in to my account, I forgot my password',
      'I did not get the reset email',
      'It was in spam. Thank you!',
    ],
  },
  {
    id: 'billing',
    kind: 'support',
    weight: 6,
    turns: [
      'I was charged twice for the same order, this is really frustrating',
      'Can I get an invoice for my last purchase as well?',
      'When will the duplicate charge be refunded?',
      'Ok, thanks',
    ],
  },
  {
    id: 'shipping',
    kind: 'support',
    weight: 6,
    turns: [
      'How much does shipping to Canada cost?',
      'How long does express delivery take?',
      'Can I change the delivery address after ordering?',
      'Perfect, thanks',
    ],
  },
  {
    id: 'plans',
    kind: 'support',
    weight: 4,
    turns: [
      'What is the difference between the Plus and Premium membership plans?',
      'Can I cancel my subscription any time?',
      'How do I upgrade?',
      'Thanks!',
    ],
  },
  {
    id: 'product',
    kind: 'support',
    weight: 4,
    turns: [
      'Is the wireless headset compatible with my phone?',
      'Does it come with a warranty?',
      'What happens if it breaks after a year?',
    ],
  },
  {
    id: 'angry-late',
    kind: 'support',
    weight: 3,
    turns: [
      'This is the third time I ask!! My package is late AGAIN, this is unacceptable',
      'I want a refund for the shipping at least',
      'Fine. Connect me with a human agent please',
    ],
  },
  {
    id: 'weather',
    kind: 'off_topic',
    weight: 3,
    turns: ['What is the weather going to be like tomorrow?', 'Can you tell me a joke then?'],
  },
  {
    id: 'homework',
    kind: 'off_topic',
    weight: 2,
    turns: ['Write me a poem about the sea', 'What is the capital of Australia?'],
  },
  {
    id: 'crypto',
    kind: 'off_topic',
    weight: 1,
    turns: ['Should I invest in bitcoin or stocks right now?'],
  },
  {
    id: 'abusive',
    kind: 'abusive',
    weight: 2,
    turns: ['You are useless, you stupid bot', 'Where is my damn order, idiot?!'],
  },
  {
    id: 'abusive-2',
    kind: 'abusive',
    weight: 1,
    turns: ['This shop is garbage and you are pathetic', 'Just give me my money back!!'],
  },
]
