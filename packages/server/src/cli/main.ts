#!/usr/bin/env node
import { Command } from 'commander'
import { VERSION } from '../version.js'
import { registerDb } from './db.js'
import { registerDemo } from './demo.js'
import { registerEvaluate } from './evaluate.js'
import { registerExperiments } from './experiments.js'
import { registerKeys } from './keys.js'
import { registerMonitoring } from './monitoring.js'
import { registerImprovement } from './optimize.js'
import { registerPrompts } from './prompts.js'
import { registerServe } from './serve.js'

const program = new Command('chatlens')
  .description('watch and improve LLM chatbots: traces, quality, cost, alerts, prompts, experiments')
  .version(VERSION)
registerServe(program)
registerDemo(program)
registerEvaluate(program)
registerKeys(program)
registerMonitoring(program)
registerImprovement(program)
registerPrompts(program)
registerExperiments(program)
registerDb(program)

program.parseAsync(process.argv).catch((err: Error) => {
  process.stderr.write(`chatlens: ${err.message}\n`)
  process.exit(1)
})
