import { Field } from '../../components/field.js'

export type PickedFile = { name: string; content: string; format: 'jsonl' | 'csv' }

/** The format a file's name suggests: `.csv` is CSV, anything else is read as JSONL. */
export const formatOf = (name: string): PickedFile['format'] => (/\.csv$/i.test(name) ? 'csv' : 'jsonl')

/** A JSONL or CSV file, read in the browser and sent as text; the server's verdict on it shows here. */
export function FileField({
  file,
  error,
  onPick,
}: {
  file: PickedFile | null
  error?: string | undefined
  onPick(file: PickedFile | null): void
}) {
  return (
    <Field
      name="content"
      label="File (JSONL or CSV)"
      error={error}
      hint={
        file
          ? `${file.name}: ${file.content.split('\n').filter((l) => l.trim()).length} lines, read as ${file.format.toUpperCase()}`
          : 'one example per line: query (or question, input) and expected (or answer)'
      }
    >
      <input
        class="input input--file"
        type="file"
        name="file"
        accept=".jsonl,.ndjson,.json,.csv,text/csv,application/x-ndjson"
        onChange={async (e) => {
          const f = e.currentTarget.files?.[0]
          if (!f) return onPick(null)
          onPick({ name: f.name, content: await f.text(), format: formatOf(f.name) })
        }}
      />
    </Field>
  )
}
