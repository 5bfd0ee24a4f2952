// The main thread's side of the worker thread that lints (worker.ts): requests go one at a time,
// so that those still waiting can be dropped when they go stale. A lint waiting for a document
// is replaced by the lint of its newer version; a lint already running finishes (the engine
// cannot be stopped midway) and the caller drops its result. Requests an editor waits for
// (quick fixes, fix-all) go before the lints waiting. A worker that dies (out of memory, a bug)
// fails what it was doing and is replaced.
import {Worker} from 'node:worker_threads'
import type {LintResult, WorkAnswers, WorkRequest} from './work.js'

type Kind = WorkRequest['kind']

interface Job {
  request: WorkRequest
  promise: Promise<unknown>
  resolve(value: unknown): void
  reject(error: Error): void
  /** `lint <uri>` for a lint: at most one waits per document. */
  key?: string
  version?: number
}

/** The linting thread, as the main thread uses it. */
export interface LintWorker {
  /**
   * Lints a version of a document; resolves with undefined when a newer version replaced it
   * before it started, or the worker was closed; rejects when the worker died while linting it.
   * `urgent` puts it before the other lints waiting.
   */
  lint(request: {uri: string; languageId: string; version: number; text: string}, urgent?: boolean): Promise<LintResult | undefined>
  /** Any other request; undefined when the worker was closed. */
  ask<K extends Exclude<Kind, 'lint'>>(request: Extract<WorkRequest, {kind: K}>): Promise<WorkAnswers[K] | undefined>
  /** Ends the worker: what waits resolves with undefined, and nothing more is done. */
  close(): Promise<void>
}

// A worker that keeps dying before answering anything is not started a fourth time.
const MAX_CRASHES = 3

export function createLintWorker(log: (text: string) => void, url = new URL('./worker.js', import.meta.url)): LintWorker {
  let worker: Worker | undefined
  let running: {id: number; job: Job} | undefined
  const queue: Job[] = []
  let nextId = 0
  let closed = false
  let crashes = 0

  function start(): Worker {
    const started = new Worker(url)
    // The thread never keeps the process alive: the connection decides when the server ends.
    started.unref()
    started.on('message', (message: {log?: string; id?: number; result?: unknown; error?: string}) => {
      if (message.log !== undefined) return log(message.log)
      if (!running || running.id !== message.id) return
      const {job} = running
      running = undefined
      crashes = 0
      if (message.error !== undefined) {
        log(`copydesk: ${message.error}`)
        job.resolve(undefined)
      } else job.resolve(message.result)
      dispatch()
    })
    started.on('error', (error) => log(`copydesk: the linting thread failed: ${error.stack ?? error}`))
    started.on('exit', (code) => {
      if (worker !== started) return
      worker = undefined
      const job = running?.job
      running = undefined
      if (closed) return
      crashes++
      const reason = `the linting thread stopped (exit code ${code})`
      log(`copydesk: ${reason}${crashes < MAX_CRASHES ? '; starting another' : ''}`)
      job?.reject(new Error(reason))
      if (crashes >= MAX_CRASHES) for (const waiting of queue.splice(0)) waiting.reject(new Error(reason))
      dispatch()
    })
    return started
  }

  function dispatch() {
    if (closed || running || queue.length === 0 || crashes >= MAX_CRASHES) return
    worker ??= start()
    const job = queue.shift()!
    running = {id: nextId++, job}
    worker.postMessage({id: running.id, request: job.request})
  }

  function enqueue(request: WorkRequest, front: boolean, key?: string, version?: number): Job {
    let resolve!: (value: unknown) => void
    let reject!: (error: Error) => void
    const promise = new Promise<unknown>((yes, no) => {
      resolve = yes
      reject = no
    })
    const job: Job = {request, promise, resolve, reject, key, version}
    if (closed) resolve(undefined)
    else if (crashes >= MAX_CRASHES) reject(new Error('the linting thread keeps stopping'))
    else {
      if (front) queue.unshift(job)
      else queue.push(job)
      dispatch()
    }
    return job
  }

  return {
    lint(request, urgent = false) {
      const key = `lint ${request.uri}`
      if (running?.job.key === key && running.job.version === request.version) return running.job.promise as Promise<LintResult | undefined>
      const waiting = queue.findIndex((job) => job.key === key)
      if (waiting >= 0) {
        const [job] = queue.splice(waiting, 1)
        if (job.version === request.version) {
          if (urgent) queue.unshift(job)
          else queue.splice(waiting, 0, job)
          return job.promise as Promise<LintResult | undefined>
        }
        // Stale before it started: dropped.
        job.resolve(undefined)
      }
      return enqueue({kind: 'lint', ...request}, urgent, key, request.version).promise as Promise<LintResult | undefined>
    },
    ask(asked) {
      const request = asked as WorkRequest
      // What an editor waits for goes first; bookkeeping keeps its turn.
      const front = request.kind === 'suggest' || request.kind === 'fixAll' || request.kind === 'memory'
      if (request.kind === 'close') {
        // A closed document's waiting lint is not wanted any more.
        const waiting = queue.findIndex((job) => job.key === `lint ${request.uri}`)
        if (waiting >= 0) queue.splice(waiting, 1)[0].resolve(undefined)
      }
      return enqueue(request, front).promise as never
    },
    async close() {
      closed = true
      for (const job of queue.splice(0)) job.resolve(undefined)
      running?.job.resolve(undefined)
      running = undefined
      const ending = worker
      worker = undefined
      await ending?.terminate()
    }
  }
}
