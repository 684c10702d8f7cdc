/**
 * Reads CSV as RFC 4180 writes it: comma-separated fields, fields in double quotes may hold
 * commas, line breaks and doubled quotes (""), records end with CRLF or LF. A byte-order mark
 * at the start is dropped. Returns the records with the line each one starts on.
 */
export function parseCsv(text: string): { fields: string[]; line: number }[] {
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  const records: { fields: string[]; line: number }[] = []
  let fields: string[] = []
  let field = ''
  let quoted = false
  let line = 1
  let start = 1
  let fieldStarted = false
  const endField = () => {
    fields.push(field)
    field = ''
    fieldStarted = false
  }
  const endRecord = () => {
    endField()
    // A blank line is no record.
    if (!(fields.length === 1 && fields[0] === '')) records.push({ fields, line: start })
    fields = []
  }
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!
    if (quoted) {
      if (c === '"') {
        if (s[i + 1] === '"') {
          field += '"'
          i++
        } else quoted = false
      } else {
        if (c === '\n') line++
        field += c
      }
      continue
    }
    if (c === '"' && !fieldStarted && field === '') {
      quoted = true
      fieldStarted = true
    } else if (c === ',') endField()
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && s[i + 1] === '\n') i++
      endRecord()
      line++
      start = line
    } else {
      field += c
      fieldStarted = true
    }
  }
  if (quoted) throw new Error(`line ${start}: a quoted field is never closed`)
  if (field !== '' || fields.length) endRecord()
  return records
}
