/**
 * ECharts renders tooltips as HTML by default, and chart data (prompts, bot names, user ids) is
 * attacker-controlled. Every tooltip of the dashboard goes through `safeTooltip`: either a
 * formatter that returns DOM nodes built with textContent, or ECharts' canvas ("richText")
 * rendering, which has no HTML at all.
 */
type Opt = Record<string, unknown>

/** A tooltip formatter from lines of plain text; nothing in them is parsed as HTML. */
export function textTooltip<P>(lines: (params: P) => string[]): (params: P) => HTMLElement {
  return function textTooltipFormatter(params: P) {
    const box = document.createElement('div')
    box.className = 'chart-tip'
    for (const line of lines(params)) {
      const row = document.createElement('div')
      row.textContent = line
      box.appendChild(row)
    }
    return box
  }
}

/** Forces richText rendering on a tooltip whose formatter is not a function. */
export function safeTooltip(tooltip: unknown): unknown {
  if (Array.isArray(tooltip)) return tooltip.map(safeTooltip)
  if (typeof tooltip !== 'object' || tooltip === null) return tooltip
  const t = tooltip as Opt
  return typeof t.formatter === 'function'
    ? { confine: true, ...t }
    : { confine: true, ...t, renderMode: 'richText' }
}

/** The option with every tooltip (top level and per series) made safe. */
export function safeOption<O extends Opt>(option: O): O {
  const out: Opt = { ...option }
  if (out.tooltip !== undefined) out.tooltip = safeTooltip(out.tooltip)
  if (Array.isArray(out.series)) {
    out.series = out.series.map((s: Opt) =>
      s && s.tooltip !== undefined ? { ...s, tooltip: safeTooltip(s.tooltip) } : s,
    )
  }
  return out as O
}
