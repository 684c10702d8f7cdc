import cliProgress from 'cli-progress'

export type Progress = { update(n: number, detail?: string): void; stop(): void }

/**
 * A progress bar on a terminal; a line every tenth of the way otherwise (CI logs). Commands whose
 * stdout carries their output (export) draw it on stderr.
 */
export function progressBar(
  label: string,
  total: number,
  stream: NodeJS.WriteStream = process.stdout,
): Progress {
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        format: `  ${label} [{bar}] {value}/{total} {detail}`,
        hideCursor: true,
        clearOnComplete: false,
        stream,
      },
      cliProgress.Presets.shades_classic,
    )
    bar.start(total, 0, { detail: '' })
    return {
      update: (n, detail = '') => bar.update(Math.min(n, total), { detail }),
      stop: () => bar.stop(),
    }
  }
  let shown = -1
  return {
    update(n, detail = '') {
      const tenth = Math.floor((n / Math.max(1, total)) * 10)
      if (tenth > shown) {
        shown = tenth
        stream.write(`${`  ${label} ${n}/${total} ${detail}`.trimEnd()}\n`)
      }
    },
    stop() {},
  }
}
