/** Checksums and range rules that separate real identifiers from look-alike numbers. */

/** Luhn (mod 10) check used by payment cards and Canadian SINs. `digits` must be digits only. */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false
  let sum = 0
  let double = false
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48
    if (double) {
      d *= 2
      if (d > 9) d -= 9
    }
    sum += d
    double = !double
  }
  return sum % 10 === 0
}

/** Payment cards: 13-19 digits, an issuer prefix in the 2-6 ranges (Mastercard 2-series to UnionPay), Luhn-valid. */
export function isPaymentCard(digits: string): boolean {
  return digits.length >= 13 && digits.length <= 19 && /^[2-6]/.test(digits) && luhnValid(digits)
}

/** IBAN length per country (ISO 13616 registry). */
const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24,
  AE: 23,
  AL: 28,
  AT: 20,
  AZ: 28,
  BA: 20,
  BE: 16,
  BG: 22,
  BH: 22,
  BR: 29,
  BY: 28,
  CH: 21,
  CR: 22,
  CY: 28,
  CZ: 24,
  DE: 22,
  DK: 18,
  DO: 28,
  EE: 20,
  EG: 29,
  ES: 24,
  FI: 18,
  FO: 18,
  FR: 27,
  GB: 22,
  GE: 22,
  GI: 23,
  GL: 18,
  GR: 27,
  GT: 28,
  HR: 21,
  HU: 28,
  IE: 22,
  IL: 23,
  IQ: 23,
  IS: 26,
  IT: 27,
  JO: 30,
  KW: 30,
  KZ: 20,
  LB: 28,
  LC: 32,
  LI: 21,
  LT: 20,
  LU: 20,
  LV: 21,
  MC: 27,
  MD: 24,
  ME: 22,
  MK: 19,
  MR: 27,
  MT: 31,
  MU: 30,
  NL: 18,
  NO: 15,
  PK: 24,
  PL: 28,
  PS: 29,
  PT: 25,
  QA: 29,
  RO: 24,
  RS: 22,
  SA: 24,
  SC: 31,
  SE: 24,
  SI: 19,
  SK: 24,
  SM: 27,
  ST: 25,
  SV: 28,
  TL: 23,
  TN: 24,
  TR: 26,
  UA: 29,
  VA: 22,
  VG: 24,
  XK: 20,
}

export function ibanLength(country: string): number | undefined {
  return IBAN_LENGTHS[country]
}

/**
 * ISO 7064 mod 97-10 as IBANs use it: move the first four characters to the end, read letters as
 * 10..35, and the whole number must leave remainder 1 when divided by 97. Computed piecewise, as
 * the number has up to 70 digits.
 */
export function ibanValid(compact: string): boolean {
  const iban = compact.toUpperCase()
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(iban) || ibanLength(iban.slice(0, 2)) !== iban.length) return false
  const rearranged = iban.slice(4) + iban.slice(0, 4)
  let remainder = 0
  for (const c of rearranged) {
    const v = c >= 'A' ? c.charCodeAt(0) - 55 : c.charCodeAt(0) - 48
    remainder = v >= 10 ? (remainder * 100 + v) % 97 : (remainder * 10 + v) % 97
  }
  return remainder === 1
}

/** US SSN: area 001-899 except 666, group 01-99, serial 0001-9999 (SSA rules since 2011). */
export function ssnValid(area: string, group: string, serial: string): boolean {
  const a = Number(area)
  return a > 0 && a !== 666 && a < 900 && group !== '00' && serial !== '0000'
}

/**
 * UK National Insurance number prefix: first letter not D, F, I, Q, U or V; second not D, F, I, O,
 * Q, U or V; and not one of the never-issued pairs (HMRC NIM39110).
 */
export function ninoPrefixValid(prefix: string): boolean {
  const p = prefix.toUpperCase()
  if (/^[DFIQUV]/.test(p) || /^.[DFIOQUV]/.test(p)) return false
  return !['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ'].includes(p)
}
