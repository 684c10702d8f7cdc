import vm from 'node:vm'
import { type Assertion, JS_TIMEOUT_MS_DEFAULT, wrapCode } from './schemas.js'
import type { Check } from './types.js'

type JavaScriptAssertion = Extract<Assertion, { type: 'javascript' }>

/** Score at or above which a number returned by a check passes. */
export const JS_PASS_SCORE = 0.5

const scripts = new Map<string, vm.Script>()
const script = (code: string) => {
  let s = scripts.get(code)
  if (!s) {
    // Values cross into the context as JSON text and the verdict leaves it as JSON text, so the
    // check never holds a host object (and its prototype chain) and the host never runs a getter
    // the check defined after the timeout has stopped guarding.
    s = new vm.Script(
      `(() => {
        const r = ${wrapCode(code)}(JSON.parse(__args[0]), JSON.parse(__args[1]), JSON.parse(__args[2]), JSON.parse(__args[3]));
        if (r !== null && typeof r === 'object' && typeof r.then === 'function')
          throw new Error('the check returned a promise; it must return its verdict synchronously');
        if (typeof r === 'boolean' || typeof r === 'number') return JSON.stringify({ value: r });
        if (r !== null && typeof r === 'object')
          return JSON.stringify({ pass: r.pass, score: r.score, reason: r.reason === undefined ? undefined : String(r.reason) });
        return JSON.stringify({ invalid: typeof r });
      })()`,
      { filename: 'assertion.js' },
    )
    if (scripts.size > 500) scripts.clear()
    scripts.set(code, s)
  }
  return s
}

type Verdict = {
  value?: boolean | number
  pass?: unknown
  score?: unknown
  reason?: string
  invalid?: string
}

/**
 * Runs a user's check in a fresh node:vm context with a time limit and no access to require,
 * process or the network. node:vm is not a security boundary: only run checks you trust, as you
 * would run their code in your own CI.
 */
export const javascriptCheck: Check<JavaScriptAssertion> = (a, ctx) => {
  const args = [ctx.output, ctx.expected ?? null, ctx.input ?? null, ctx.metadata].map((v) =>
    JSON.stringify(v),
  )
  const context = vm.createContext({ __args: args }, { codeGeneration: { strings: false, wasm: false } })
  let text: unknown
  try {
    text = script(a.code).runInContext(context, {
      timeout: a.timeoutMs ?? JS_TIMEOUT_MS_DEFAULT,
      breakOnSigint: true,
    })
  } catch (err) {
    const message = (err as Error)?.message ?? String(err)
    return { pass: false, score: 0, reason: `the check threw: ${message}` }
  }
  const v = JSON.parse(String(text)) as Verdict
  if (v.invalid)
    return {
      pass: false,
      score: 0,
      reason: `the check returned ${v.invalid}, not a boolean, number or object`,
    }
  if (typeof v.value === 'boolean')
    return { pass: v.value, score: v.value ? 1 : 0, reason: `returned ${v.value}` }
  if (typeof v.value === 'number') {
    const score = Math.min(1, Math.max(0, v.value))
    return { pass: score >= JS_PASS_SCORE, score, reason: `returned ${v.value}` }
  }
  const score =
    typeof v.score === 'number' && Number.isFinite(v.score) ? Math.min(1, Math.max(0, v.score)) : null
  const pass = typeof v.pass === 'boolean' ? v.pass : score !== null ? score >= JS_PASS_SCORE : false
  return { pass, score: score ?? (pass ? 1 : 0), reason: v.reason ?? `returned pass: ${pass}` }
}
