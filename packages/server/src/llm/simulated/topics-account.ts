import type { Topic } from './knowledge.js'

/** Knowledge about the customer account: billing, sign-in, profile, product features and plans. */
export const ACCOUNT_TOPICS: Topic[] = [
  {
    id: 'billing',
    keywords: [
      [/\b(invoice\w*|bill(ed|ing)?|receipts?|vat|tax)\b/, 3],
      [/\b(charged?|charge[sd]? twice|double charged?|payment|credit card|card declined|overcharged)\b/, 2],
    ],
    core: [
      'You can download every invoice as a PDF from Account → Billing → Invoices.',
      'All invoices and receipts are in Account → Billing → Invoices, where you can also update the billing address and VAT number.',
      'If you were charged twice, the second charge is usually a pending authorisation that disappears within 3–5 business days; if it does not, we refund it right away.',
    ],
    details: [
      'Invoices are issued on the day of each payment and emailed to the account owner.',
      'To change the card on file, go to Account → Billing → Payment methods.',
      'Business customers can add a VAT number, and it will appear on future invoices.',
    ],
    steps: [
      'Sign in and open Account → Billing.',
      'Choose Invoices.',
      'Click Download next to the invoice you need.',
    ],
    acknowledge: [
      'I understand billing surprises are stressful, and I want to get this sorted for you.',
      'I am sorry for the confusion with your payment.',
    ],
  },
  {
    id: 'password',
    keywords: [
      [/\b(password|reset|forgot|locked out|can'?t (log|sign) ?in|login|log in|sign in)\b/, 3],
      [/\b(2fa|two[- ]factor|verification code)\b/, 2],
    ],
    core: [
      'To reset your password, click "Forgot password?" on the sign-in page and follow the link we email you; it is valid for 60 minutes.',
      'Use the "Forgot password?" link on the sign-in page, and we will send you a reset link that works for 60 minutes.',
    ],
    details: [
      'If the email does not arrive within a few minutes, check your spam folder.',
      'After 5 failed attempts the account is locked for 15 minutes for your security.',
      'If you lost access to your two-factor device, use one of your backup codes or contact us for identity verification.',
    ],
    steps: [
      'Open the sign-in page and click "Forgot password?".',
      'Enter the email address of your account.',
      'Open the link we send you within 60 minutes and choose a new password.',
    ],
    acknowledge: [
      'I am sorry you are locked out; that is really inconvenient.',
      'I understand how frustrating it is not to be able to get into your account.',
    ],
  },
  {
    id: 'account',
    keywords: [
      [/\b(account|profile|username|email address|change (my )?email)\b/, 2],
      [/\b(delete|close|deactivate|update|change) (my )?(account|details|profile|email|address|name)\b/, 3],
    ],
    core: [
      'You can update your name, email address and shipping addresses under Account → Profile.',
      'To change your email address, go to Account → Profile and confirm the new address from the email we send you.',
      'You can delete your account under Account → Privacy → Delete account; we remove your personal data within 30 days.',
    ],
    details: [
      'Changes to your email address take effect once you confirm the new address.',
      'Deleting your account cancels any active subscription and cannot be undone.',
      'You can download a copy of your data from Account → Privacy before deleting the account.',
    ],
    steps: [
      'Sign in and open Account → Profile.',
      'Edit the details you want to change.',
      'Click Save and confirm any new email address.',
    ],
    acknowledge: [
      'Happy to help you with your account.',
      'I understand, keeping your details up to date matters.',
    ],
  },
  {
    id: 'features',
    keywords: [
      [
        /\b(feature|integrat\w*|export|import|api|mobile app|app|dark mode|sync|does it (support|work)|can (it|i) use)\b/,
        2,
      ],
      [/\b(how do i use|set ?up|configure|csv|slack|calendar)\b/, 2],
    ],
    core: [
      'Yes: the app integrates with Slack and Google Calendar, and you can export your data as CSV from Settings → Export.',
      'All plans include the iOS and Android apps, CSV export and calendar sync; the Pro plan adds the API and Slack integration.',
      'You can connect integrations under Settings → Integrations; Slack, Google Calendar and Zapier are available today.',
    ],
    details: [
      'The API is available on the Pro and Business plans, with documentation in the developer section of your account.',
      'Data syncs between the web and mobile apps within a few seconds.',
      'Dark mode follows your system setting and can be changed under Settings → Appearance.',
    ],
    steps: [
      'Open Settings → Integrations.',
      'Choose the integration and click Connect.',
      'Sign in to the other service to authorise the connection.',
    ],
    acknowledge: [
      'Great question, I am happy to help you get the most out of the app.',
      'I understand why that would be useful for you.',
    ],
  },
  {
    id: 'pricing',
    keywords: [
      [
        /\b(plans?|pricing|price|cost|subscription|subscribe|upgrade|downgrade|trial|discount|annual|monthly|cancel (my )?subscription)\b/,
        2,
      ],
      [/\b(starter|pro plan|business plan|how much)\b/, 3],
    ],
    core: [
      'We have three plans: Starter at $9 per month, Pro at $29 per month and Business at $99 per month.',
      'Starter costs $9 per month, Pro $29 and Business $99; paying yearly gives you two months free.',
      'You can upgrade, downgrade or cancel your plan at any time under Account → Subscription; changes apply from the next billing period.',
    ],
    details: [
      'Every plan starts with a 14-day free trial, no card required.',
      'Annual billing gives you two months free.',
      'When you cancel, you keep access until the end of the period you paid for.',
    ],
    steps: [
      'Open Account → Subscription.',
      'Choose Change plan or Cancel subscription.',
      'Confirm; the change applies from your next billing period.',
    ],
    acknowledge: [
      'Happy to help you find the right plan.',
      'I understand you want to make sure you pay only for what you need.',
    ],
  },
]
