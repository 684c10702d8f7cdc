import { useState } from 'preact/hooks'
import { Note } from '../../components/field.js'
import { apiSend } from '../../lib/api.js'
import type { ExperimentView } from '../../lib/api-types.js'
import { navigate } from '../../lib/router.js'
import { useAction } from '../../lib/use-action.js'

/** Start a draft, stop a running experiment (with a winner and a note), delete one not running. */
export function ExperimentActions({ e, onChanged }: { e: ExperimentView; onChanged(): void }) {
  const { busy, note, run } = useAction()
  const [stopping, setStopping] = useState(false)
  const [winner, setWinner] = useState('')
  const [why, setWhy] = useState('')
  const [deleting, setDeleting] = useState(false)
  const path = `/api/v1/experiments/${encodeURIComponent(e.key)}`
  const act = async (id: string, work: () => Promise<unknown>, done: string) => {
    if ((await run(id, work, () => done)) !== undefined) onChanged()
  }
  return (
    <div class="experiment-actions">
      {e.status === 'draft' && (
        <button
          type="button"
          class="button button--primary"
          disabled={busy !== null}
          onClick={() =>
            act('start', () => apiSend('POST', `${path}/start`), 'Started: units are assigned from now on.')
          }
        >
          Start
        </button>
      )}
      {e.status === 'running' && !stopping && (
        <button type="button" class="button" onClick={() => setStopping(true)}>
          Stop…
        </button>
      )}
      {stopping && (
        <form
          class="experiment-actions__stop"
          onSubmit={(ev) => {
            ev.preventDefault()
            act(
              'stop',
              () =>
                apiSend('POST', `${path}/stop`, {
                  ...(winner && { winner }),
                  ...(why.trim() && { note: why.trim() }),
                }),
              'Stopped: every unit now gets the default experience.',
            )
          }}
        >
          <select
            class="input input--small"
            name="winner"
            aria-label="Winner"
            value={winner}
            onChange={(x) => setWinner(x.currentTarget.value)}
          >
            <option value="">no winner</option>
            {e.variants.map((v) => (
              <option key={v.key} value={v.key}>
                winner: {v.key}
              </option>
            ))}
          </select>
          <input
            class="input input--small"
            name="note"
            aria-label="Note"
            placeholder="why (kept in the history)"
            value={why}
            onInput={(x) => setWhy(x.currentTarget.value)}
          />
          <button type="submit" class="button button--small button--danger" disabled={busy !== null}>
            Stop experiment
          </button>
          <button type="button" class="button button--small" onClick={() => setStopping(false)}>
            Cancel
          </button>
        </form>
      )}
      {e.status !== 'running' &&
        (deleting ? (
          <>
            <span class="muted small">Delete this experiment? Its exposures stay on the traces.</span>
            <button
              type="button"
              class="button button--small button--danger"
              disabled={busy !== null}
              onClick={async () => {
                if ((await run('delete', () => apiSend('DELETE', path))) !== undefined)
                  navigate('/experiments')
              }}
            >
              Delete
            </button>
            <button type="button" class="button button--small" onClick={() => setDeleting(false)}>
              Keep
            </button>
          </>
        ) : (
          <button type="button" class="button" onClick={() => setDeleting(true)}>
            Delete…
          </button>
        ))}
      <Note note={note} />
    </div>
  )
}
