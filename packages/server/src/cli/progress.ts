import cliProgress from 'cli-progress'

/** A progress bar on a terminal; a line every tenth of the way otherwise (CI logs). */
export function progressBar(label: string, total: number) {
  if (process.stdout.isTTY) {
    const bar = new cliProgress.SingleBar(
      { format: `  ${label} [{bar}] {value}/{total} {detail}`, hideCursor: true, clearOnComplete: false },
      cliProgress.Presets.shades_classic,
    )
    bar.start(total, 0, { detail: '' })
    return {
      update: (n: number, detail = '') => bar.update(n, { detail }),
      stop: () => bar.stop(),
    }
  }
  let shown = 0
  return {
    update(n: number) {
      const tenth = Math.floor((n / Math.max(1, total)) * 10)
      if (tenth > shown || n === total) {
        shown = tenth
        process.stdout.write(`  ${label} ${n}/${total}\n`)
      }
    },
    stop() {},
  }
}
