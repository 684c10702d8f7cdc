import type { Topic } from './knowledge.js'

/** Knowledge about orders: status, shipping, returns, and handing over to a person. */
export const ORDER_TOPICS: Topic[] = [
  {
    id: 'order_status',
    keywords: [
      [/\b(where('?s| is) my|track(ing)?|order status|status of my order)\b/, 3],
      [/\b(order|package|parcel|delivery)\b/, 1],
      [/\b(arriv\w*|late|delayed|hasn'?t (come|arrived)|not received|still waiting|shipped yet)\b/, 2],
    ],
    core: [
      'You can see the status of your order on the Orders page of your account; once it ships you will also find the tracking number there.',
      'Open Account → Orders and select the order: it shows the current status and, after dispatch, a tracking link from the carrier.',
      'Every order has a live status on the Orders page, and we email you the tracking number as soon as the parcel leaves our warehouse.',
    ],
    details: [
      'Most orders leave our warehouse within 1 business day.',
      'If the tracking has not updated for 5 business days, reply with your order number and we will open an investigation with the carrier.',
      'Orders placed before 2 pm on a business day usually ship the same day.',
    ],
    steps: [
      'Sign in and open Account → Orders.',
      'Select the order to see its status.',
      'Use the tracking link to follow the parcel with the carrier.',
    ],
    acknowledge: [
      'I am sorry your order has not reached you yet; waiting on a package is frustrating.',
      'I understand how annoying it is not to know where your order is.',
    ],
  },
  {
    id: 'shipping',
    keywords: [
      [/\b(shipping|ship|shipped|courier|carrier)\b/, 2],
      [/\b(how long|delivery time|express|international|abroad|free shipping|ship to)\b/, 2],
    ],
    core: [
      'Standard shipping takes 3–5 business days and express shipping 1–2 business days.',
      'We deliver with standard shipping in 3–5 business days, or express in 1–2 business days for $12.',
      'Shipping is free on orders over $50; otherwise standard shipping costs $4.99 and arrives in 3–5 business days.',
    ],
    details: [
      'Shipping is free on orders over $50.',
      'Express shipping costs $12 and must be ordered before 2 pm to leave the same day.',
      'We ship to 30 countries; international delivery takes 7–14 business days and customs fees may apply.',
    ],
    steps: [
      'Add your items to the cart.',
      'Choose standard or express shipping at checkout.',
      'Follow the parcel with the tracking number we email you.',
    ],
    acknowledge: [
      'I understand you want your order as soon as possible.',
      'I understand; delivery times matter a lot when you are waiting for something.',
    ],
  },
  {
    id: 'returns',
    keywords: [
      [/\b(return|returns|refund\w*|money back|exchange|send (it )?back)\b/, 3],
      [/\b(damaged|broken|defective|wrong (item|size)|doesn'?t fit)\b/, 2],
    ],
    core: [
      'You can return any item within 30 days of delivery for a full refund; start the return from the Orders page and print the prepaid label.',
      'Returns are free within 30 days: choose "Return items" on the order in your account and drop the parcel off with the prepaid label.',
      'We refund to the original payment method within 5–7 business days after the returned item reaches our warehouse.',
    ],
    details: [
      'Refunds go back to the original payment method within 5–7 business days after we receive the item.',
      'Damaged or wrong items are replaced at no cost; a photo of the item helps us process it faster.',
      'Items must be unused and in their original packaging.',
    ],
    steps: [
      'Open Account → Orders and choose the order.',
      'Select "Return items" and the reason.',
      'Print the prepaid label and drop the parcel off within 30 days.',
    ],
    acknowledge: [
      'I am sorry the item did not work out for you.',
      'I am sorry to hear that; receiving the wrong or a damaged item is really disappointing.',
    ],
  },
  {
    id: 'human',
    keywords: [
      [/\b(human|real person|agent|representative|speak to|talk to|call me|phone (number|support))\b/, 3],
    ],
    core: [
      'I can connect you with a member of our support team: they are available Monday to Friday, 9 am to 6 pm, and usually reply within 2 hours.',
      'Of course, I will hand this conversation to our support team; you will get a reply by email within 2 business hours.',
    ],
    details: [
      'You can also reach the team by phone on weekdays from 9 am to 6 pm.',
      'Please have your order number ready so they can help you faster.',
    ],
    steps: [
      'Reply with your order number or account email.',
      'I will pass the conversation to the support team.',
      'You will get a reply by email within 2 business hours.',
    ],
    acknowledge: [
      'I understand you would rather talk to a person.',
      'Of course, I am sorry I could not resolve this myself.',
    ],
  },
]
