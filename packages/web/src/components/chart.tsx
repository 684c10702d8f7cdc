import type { EChartsType } from 'echarts/core'
import { useEffect, useRef } from 'preact/hooks'
import { safeOption } from '../lib/chart-safety.js'

type Props = { option: Record<string, unknown>; height: number; label: string }

/** An ECharts chart (loaded on first use) with safe tooltips; resizes with its box. */
export function Chart({ option, height, label }: Props) {
  const box = useRef<HTMLDivElement>(null)
  const chart = useRef<EChartsType | null>(null)
  const latest = useRef(option)
  latest.current = option

  useEffect(() => {
    let disposed = false
    let ro: ResizeObserver | undefined
    import('../lib/echarts.js').then(({ echarts }) => {
      if (disposed || !box.current) return
      const c = echarts.init(box.current, undefined, { renderer: 'canvas' })
      c.setOption(safeOption(latest.current))
      chart.current = c
      ro = new ResizeObserver(() => c.resize())
      ro.observe(box.current)
    })
    return () => {
      disposed = true
      ro?.disconnect()
      chart.current?.dispose()
      chart.current = null
    }
  }, [])

  useEffect(() => {
    chart.current?.setOption(safeOption(option), true)
  }, [option])

  return <div ref={box} class="chart" role="img" aria-label={label} style={{ height: `${height}px` }} />
}
