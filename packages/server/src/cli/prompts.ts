import { readFileSync } from 'node:fs'
import type { Command } from 'commander'
import type { ServerFlags } from '../config.js'
import { table } from '../experiments/index.js'
import {
  createPromptVersion,
  diffVersions,
  movePromptLabel,
  PromptVersionBody,
  renderPrompt,
  resolvePromptVersion,
  type VersionSelector,
} from '../prompts/index.js'
import { listPrompts } from '../store/index.js'
import { run } from './experiments.js'
import { bold, dim, fail, green, red } from './output.js'
import { serverOptions } from './serve.js'

type Selector = { number?: string; label?: string }
// -n rather than --version, which commander keeps for the program's own version.
const selectorOf = (f: Selector): VersionSelector => {
  if (f.number !== undefined && !/^\d+$/.test(f.number))
    fail(`--number: "${f.number}" is not a version number`)
  return f.number !== undefined ? { version: Number(f.number) } : { label: f.label }
}
const ref = (s: string): VersionSelector => (/^\d+$/.test(s) ? { version: Number(s) } : { label: s })
const withSelector = (cmd: Command) =>
  cmd
    .option('-n, --number <n>', 'a version number')
    .option('-l, --label <label>', 'a label (default production)')

/** A text file is one system message; a JSON file is an array of messages or a version body. */
function versionFrom(
  file: string,
  flags: { model?: string; temperature?: string; maxTokens?: string; message?: string; label?: string[] },
) {
  const text = readFileSync(file, 'utf8')
  let body: Record<string, unknown> = { messages: [{ role: 'system', content: text.trimEnd() }] }
  if (file.endsWith('.json')) {
    const json = JSON.parse(text) as unknown
    body = Array.isArray(json) ? { messages: json } : (json as Record<string, unknown>)
  }
  const parsed = PromptVersionBody.safeParse({
    ...body,
    ...(flags.model && { model: flags.model }),
    ...(flags.temperature && { temperature: Number(flags.temperature) }),
    ...(flags.maxTokens && { maxTokens: Number(flags.maxTokens) }),
    ...(flags.message && { commitMessage: flags.message }),
    ...(flags.label?.length && { labels: flags.label }),
  })
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    fail(`${file}: ${issue.path.join('.')}: ${issue.message}`)
  }
  return parsed.data
}

export function registerPrompts(program: Command) {
  const prompts = program
    .command('prompts')
    .description('the prompt registry: versions, labels, diff, render')

  serverOptions(prompts.command('list'))
    .description('prompts with their newest version and labels')
    .action(async (flags: ServerFlags) => {
      const list = await run(flags, (db, projectId) => listPrompts(db, projectId))
      if (!list.length)
        process.stdout.write(
          dim('no prompt yet; add one with `chatlens prompts push <name> --file prompt.txt`\n'),
        )
      else
        for (const line of table(
          ['name', 'latest', 'versions', 'labels', 'description'],
          list.map((p) => [
            p.name,
            `v${p.latestVersion}`,
            String(p.versionCount),
            Object.entries(p.labels)
              .map(([l, v]) => `${l}→v${v}`)
              .join(' '),
            p.description ?? '',
          ]),
        ))
          process.stdout.write(`${line}\n`)
    })

  withSelector(serverOptions(prompts.command('show <name>')))
    .description('one version: settings and messages')
    .action(async (name: string, flags: ServerFlags & Selector) => {
      const v = await run(flags, (db, projectId) =>
        resolvePromptVersion(db, projectId, name, selectorOf(flags)),
      )
      process.stdout.write(`${bold(`${v.name} v${v.version}`)} ${dim(`[${v.labels.join(', ')}]`)}\n`)
      process.stdout.write(
        dim(
          `model ${v.model ?? '(default)'} · temperature ${v.temperature ?? '–'} · max tokens ${v.maxTokens ?? '–'}`,
        ),
      )
      process.stdout.write(dim(` · by ${v.author ?? v.createdBy ?? '–'}: ${v.commitMessage ?? ''}\n`))
      for (const m of v.messages) process.stdout.write(`\n${bold(m.role)}\n${m.content}\n`)
    })

  serverOptions(prompts.command('push <name>'))
    .description('add a version from a file (text: one system message; JSON: messages or a version body)')
    .requiredOption('-f, --file <file>', 'the prompt file')
    .option('-m, --message <text>', 'commit message')
    .option('--model <model>', 'model')
    .option('--temperature <t>', 'temperature')
    .option('--max-tokens <n>', 'max tokens')
    .option('-l, --label <label...>', 'labels to point at it (e.g. staging)')
    .action(
      async (
        name: string,
        flags: ServerFlags & {
          file: string
          message?: string
          model?: string
          temperature?: string
          maxTokens?: string
          label?: string[]
        },
      ) => {
        const body = versionFrom(flags.file, flags)
        const r = await run(flags, (db, projectId) => createPromptVersion(db, projectId, name, body, 'cli'))
        process.stdout.write(
          `${r.created ? bold('created') : dim('unchanged:')} ${name} v${r.version.version} [${r.version.labels.join(', ')}]\n`,
        )
      },
    )

  serverOptions(prompts.command('label <name> <label> <version>'))
    .description('point a label (production, staging, …) at a version')
    .action(async (name: string, label: string, version: string, flags: ServerFlags) => {
      if (!/^\d+$/.test(version)) fail(`"${version}" is not a version number`)
      await run(flags, (db, projectId) =>
        movePromptLabel(db, projectId, { name, label, version: Number(version), by: 'cli' }),
      )
      process.stdout.write(`${name}: ${label} → v${version}\n`)
    })

  serverOptions(prompts.command('diff <name> [from] [to]'))
    .description('changes between two versions or labels (default: the newest against the one before)')
    .action(async (name: string, from: string | undefined, to: string | undefined, flags: ServerFlags) => {
      const d = await run(flags, async (db, projectId) => {
        const b = await resolvePromptVersion(db, projectId, name, ref(to ?? 'latest'))
        const a = await resolvePromptVersion(
          db,
          projectId,
          name,
          ref(from ?? String(Math.max(1, b.version - 1))),
        )
        return diffVersions(a, b)
      })
      if (!d.changed) process.stdout.write(dim(`v${d.from} and v${d.to} are the same\n`))
      for (const line of d.unified.split('\n'))
        process.stdout.write(
          `${line.startsWith('+') ? green(line) : line.startsWith('-') ? red(line) : line.startsWith('@@') ? bold(line) : line}\n`,
        )
    })

  withSelector(serverOptions(prompts.command('render <name>')))
    .description('fill the variables and print the messages')
    .option('--var <name=value...>', 'variable values')
    .action(async (name: string, flags: ServerFlags & Selector & { var?: string[] }) => {
      const variables = Object.fromEntries(
        (flags.var ?? []).map((kv) => {
          const i = kv.indexOf('=')
          if (i < 1) fail(`--var ${kv}: write name=value`)
          return [kv.slice(0, i), kv.slice(i + 1)]
        }),
      )
      const r = await run(flags, (db, projectId) =>
        renderPrompt(db, projectId, name, selectorOf(flags), variables),
      )
      for (const m of r.messages) process.stdout.write(`${bold(m.role)}\n${m.content}\n\n`)
      if (r.unusedVariables.length) process.stdout.write(dim(`unused: ${r.unusedVariables.join(', ')}\n`))
    })
}
