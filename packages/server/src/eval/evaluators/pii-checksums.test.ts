import { describe, expect, it } from 'vitest'
import { ibanValid, isPaymentCard, luhnValid, ninoPrefixValid, ssnValid } from './pii-checksums.js'

describe('luhnValid', () => {
  it('accepts the standard test card numbers', () => {
    for (const n of ['4111111111111111', '5555555555554444', '378282246310005', '6011111111111117']) {
      expect(luhnValid(n), n).toBe(true)
    }
  })

  it('rejects a number with one digit changed or two digits swapped', () => {
    expect(luhnValid('4111111111111112')).toBe(false)
    expect(luhnValid('5555555555554444'.replace('44', '45'))).toBe(false)
    expect(luhnValid('378282246310050')).toBe(false)
  })

  it('rejects anything that is not digits', () => {
    expect(luhnValid('4111-1111')).toBe(false)
  })
})

describe('isPaymentCard', () => {
  it('needs 13-19 digits and an issuer prefix as well as the checksum', () => {
    expect(isPaymentCard('4111111111111111')).toBe(true)
    expect(isPaymentCard('0000000000000000')).toBe(false)
    expect(isPaymentCard('42')).toBe(false)
  })
})

describe('ibanValid', () => {
  it('accepts IBANs whose mod-97 remainder is 1', () => {
    for (const iban of [
      'GB82WEST12345698765432',
      'DE89370400440532013000',
      'FR1420041010050500013M02606',
      'NL91ABNA0417164300',
    ]) {
      expect(ibanValid(iban), iban).toBe(true)
    }
  })

  it('rejects a wrong check digit, a wrong length and an unknown country', () => {
    expect(ibanValid('GB82WEST12345698765433')).toBe(false)
    expect(ibanValid('GB82WEST1234569876543')).toBe(false)
    expect(ibanValid('XX82WEST12345698765432')).toBe(false)
  })
})

describe('ssnValid', () => {
  it('excludes the ranges the SSA never issues', () => {
    expect(ssnValid('536', '22', '9471')).toBe(true)
    expect(ssnValid('000', '12', '3456')).toBe(false)
    expect(ssnValid('666', '12', '3456')).toBe(false)
    expect(ssnValid('912', '12', '3456')).toBe(false)
    expect(ssnValid('536', '00', '3456')).toBe(false)
    expect(ssnValid('536', '22', '0000')).toBe(false)
  })
})

describe('ninoPrefixValid', () => {
  it('rejects prefixes HMRC never issues', () => {
    expect(ninoPrefixValid('AB')).toBe(true)
    for (const p of ['BG', 'GB', 'QQ', 'DA', 'AO', 'ZZ']) expect(ninoPrefixValid(p), p).toBe(false)
  })
})
