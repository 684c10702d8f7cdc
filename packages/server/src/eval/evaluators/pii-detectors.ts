import { isIPv4, isIPv6 } from 'node:net'
import {
  ibanLength,
  ibanValid,
  isPaymentCard,
  luhnValid,
  ninoPrefixValid,
  ssnValid,
} from './pii-checksums.js'

export type PiiKind =
  | 'payment_card'
  | 'iban'
  | 'us_ssn'
  | 'uk_nino'
  | 'ca_sin'
  | 'email'
  | 'phone'
  | 'ip_address'
export type PiiFinding = {
  kind: PiiKind
  /** The matched text, for internal use only: never put it in a score (see maskFinding). */
  text: string
  start: number
  end: number
  /** Organisational contact (support@…, toll-free line) or a private IP address. */
  organisational?: boolean
  privateAddress?: boolean
}

const CARD_RE = /(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d-])/g
const IBAN_RE = /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{1,4}){2,8}\b/g
const SSN_RE = /(?<![\d-])(\d{3})([- ])(\d{2})\2(\d{4})(?![\d-])/g
const SSN_BARE_RE = /\b(?:ssn|social security(?: number)?)\D{0,15}(?<![\d-])(\d{3})(\d{2})(\d{4})(?!\d)/gi
const NINO_RE = /\b([A-Z]{2}) ?(\d{2}) ?(\d{2}) ?(\d{2}) ?([A-D])\b/g
const SIN_RE =
  /\b(?:sin|social insurance(?: number)?)\D{0,15}(?<![\d-])(\d{3})[- ]?(\d{3})[- ]?(\d{3})(?![\d-])/gi
const EMAIL_RE = /\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b/g
const PHONE_RES = [
  /(?<![\w+])\+\d{1,3}(?:[\s.-]?\(?\d{1,4}\)?){2,5}(?![\w-])/g,
  /(?<![\w-])(?:\+?1[\s.-]?)?(?:\(\d{3}\)\s?|\d{3}[\s.-])\d{3}[\s.-]\d{4}(?![\w-])/g,
  /(?<![\w-])0\d{2,4}[\s-]?\d{3,4}[\s-]?\d{3,4}(?![\w-])/g,
]
const IPV4_RE = /(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?![\w]|\.\d)/g
const IPV6_RE = /(?<![\w:])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?![\w:])/g
const VERSION_BEFORE_RE = /\b(?:version|ver|v|build|release|firmware)\s*$/i
/** Mailboxes that belong to a team, not a person. */
const ROLE_MAILBOXES = new Set(
  'support help info contact sales billing hello team admin noreply no-reply donotreply service customerservice care privacy security legal press careers jobs office accounts orders returns feedback abuse webmaster partners'.split(
    ' ',
  ),
)
const TOLL_FREE_RE = /^(?:1?8(?:00|33|44|55|66|77|88)|0800|0808)/

/**
 * Finds personal identifiers, most specific first; a span claimed by one detector (a card number)
 * is not reported again by a looser one (a phone number).
 */
export function findPii(text: string): PiiFinding[] {
  const found: PiiFinding[] = []
  const free = (s: number, e: number) => !found.some((f) => s < f.end && e > f.start)
  const add = (kind: PiiKind, m: RegExpMatchArray, extra: Partial<PiiFinding> = {}) => {
    const start = m.index!
    const end = start + m[0].length
    if (free(start, end)) found.push({ kind, text: m[0], start, end, ...extra })
  }

  const hasDigit = /\d/.test(text)
  if (hasDigit) detectNumbers(text, add)
  if (text.includes('@')) {
    for (const m of text.matchAll(EMAIL_RE)) {
      const local = m[0].slice(0, m[0].indexOf('@')).toLowerCase()
      add('email', m, ROLE_MAILBOXES.has(local) ? { organisational: true } : {})
    }
  }
  if (/[0-9a-f]?:[0-9a-f]{0,4}:/i.test(text)) {
    for (const m of text.matchAll(IPV6_RE))
      if (/[0-9a-f]{1,4}:.*[0-9a-f]/i.test(m[0]) && isIPv6(m[0])) add('ip_address', m)
  }
  if (hasDigit) detectAddressesAndPhones(text, add)
  return found.sort((a, b) => a.start - b.start)
}

type Add = (kind: PiiKind, m: RegExpMatchArray, extra?: Partial<PiiFinding>) => void
const digits = (s: string) => s.replace(/\D/g, '')

function detectNumbers(text: string, add: Add): void {
  for (const m of text.matchAll(CARD_RE))
    if (consistentGroups(m[0]) && isPaymentCard(digits(m[0]))) add('payment_card', m)
  for (const m of text.matchAll(IBAN_RE)) {
    const compact = m[0].replaceAll(' ', '')
    const len = ibanLength(compact.slice(0, 2))
    if (len && compact.length >= len && ibanValid(compact.slice(0, len))) add('iban', m)
  }
  for (const m of text.matchAll(SSN_RE)) if (ssnValid(m[1]!, m[3]!, m[4]!)) add('us_ssn', m)
  for (const m of text.matchAll(SSN_BARE_RE)) if (ssnValid(m[1]!, m[2]!, m[3]!)) add('us_ssn', m)
  for (const m of text.matchAll(NINO_RE)) if (ninoPrefixValid(m[1]!)) add('uk_nino', m)
  for (const m of text.matchAll(SIN_RE)) {
    const d = m[1]! + m[2]! + m[3]!
    if (!/^[08]/.test(d) && luhnValid(d)) add('ca_sin', m)
  }
}

function detectAddressesAndPhones(text: string, add: Add): void {
  for (const m of text.matchAll(IPV4_RE)) {
    if (!isIPv4(m[0]) || VERSION_BEFORE_RE.test(text.slice(Math.max(0, m.index! - 12), m.index))) continue
    if (m[0] === '0.0.0.0' || m[0] === '255.255.255.255') continue
    add('ip_address', m, isPrivateIPv4(m[0]) ? { privateAddress: true } : {})
  }
  for (const re of PHONE_RES) {
    for (const m of text.matchAll(re)) {
      const d = digits(m[0])
      if (d.length < 9 || d.length > 15) continue
      add('phone', m, TOLL_FREE_RE.test(d.replace(/^44/, '0')) ? { organisational: true } : {})
    }
  }
}

/** "4111 1111 1111 1111" or "4111-1111-…" or "4111111111111111", but not "4111 1111-1111 1111". */
function consistentGroups(s: string): boolean {
  return !(s.includes(' ') && s.includes('-'))
}

function isPrivateIPv4(ip: string): boolean {
  const [a, b] = ip.split('.').map(Number) as [number, number]
  return (
    a === 10 ||
    a === 127 ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 169 && b === 254)
  )
}

/** A form safe to store in a score: enough to recognise the item, not enough to reuse it. */
export function maskFinding(f: PiiFinding): string {
  if (f.kind === 'email') {
    const [local, domain] = f.text.split('@') as [string, string]
    return f.organisational ? f.text : `${local[0]}***@${domain}`
  }
  if (f.kind === 'ip_address')
    return f.text.includes(':') ? `${f.text.split(':')[0]}:…` : f.text.replace(/\.\d+$/, '.***')
  const alnum = f.text.replace(/[^A-Za-z0-9]/g, '')
  if (f.kind === 'phone' && f.organisational) return alnum
  if (f.kind === 'iban') return `${alnum.slice(0, 2)}••••${alnum.slice(-2)}`
  // Government ids show nothing; cards and phone numbers their last four digits, as receipts do.
  return f.kind === 'payment_card' || f.kind === 'phone' ? `••••${alnum.slice(-4)}` : '••••'
}
