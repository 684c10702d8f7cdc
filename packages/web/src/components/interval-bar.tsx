/** A confidence interval on a shared axis centred on "no change" (0). */
export type Interval = { lower: number; upper: number }

type Props = {
  /** The main interval (always-valid when the experiment is sequential). */
  ci: Interval | null
  /** A second, thinner interval (the fixed-horizon one beside an always-valid one). */
  inner?: Interval | null
  estimate: number | null
  /** Half-width of the axis: values beyond ±domain are drawn to the edge with an arrow. */
  domain: number
  /** A shaded zone ±band around 0: changes too small to matter. */
  band?: number
  tone: 'good' | 'bad' | 'neutral'
  label: string
  width?: number
}

const HEIGHT = 22
const PAD = 6
const CLIPPED_PX = 10

/**
 * An interval drawn as a bar on an axis from −domain to +domain, with a line at 0 and the zone of
 * changes too small to matter. SVG built from numbers only; the label is text.
 */
export function IntervalBar({ ci, inner, estimate, domain, band, tone, label, width = 160 }: Props) {
  const half = (width - 2 * PAD) / 2
  const x = (v: number) => PAD + half + (Math.max(-domain, Math.min(domain, v)) / domain) * half
  const mid = HEIGHT / 2
  // An interval entirely beyond one edge still shows as a short bar against that edge.
  let [x1, x2] = ci ? [x(ci.lower), x(ci.upper)] : [0, 0]
  if (ci && ci.lower > domain) x1 = x2 - CLIPPED_PX
  if (ci && ci.upper < -domain) x2 = x1 + CLIPPED_PX
  return (
    <svg class={`ci-bar ci-bar--${tone}`} width={width} height={HEIGHT} role="img" aria-label={label}>
      <title>{label}</title>
      {band !== undefined && band > 0 && (
        <rect class="ci-bar__band" x={x(-band)} y={3} width={x(band) - x(-band)} height={HEIGHT - 6} />
      )}
      <line class="ci-bar__axis" x1={PAD} x2={width - PAD} y1={mid} y2={mid} />
      <line class="ci-bar__zero" x1={x(0)} x2={x(0)} y1={2} y2={HEIGHT - 2} />
      {ci && (
        <>
          <rect class="ci-bar__ci" x={x1} y={mid - 4} width={Math.max(2, x2 - x1)} height={8} rx={2} />
          {ci.lower < -domain && <path class="ci-bar__arrow" d={`M${PAD - 4} ${mid}l5 -4v8z`} />}
          {ci.upper > domain && <path class="ci-bar__arrow" d={`M${width - PAD + 4} ${mid}l-5 -4v8z`} />}
        </>
      )}
      {inner && <line class="ci-bar__inner" x1={x(inner.lower)} x2={x(inner.upper)} y1={mid} y2={mid} />}
      {estimate !== null && (
        <line class="ci-bar__estimate" x1={x(estimate)} x2={x(estimate)} y1={mid - 7} y2={mid + 7} />
      )}
    </svg>
  )
}
