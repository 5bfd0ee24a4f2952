// Imported first by the `copydesk` executable, before any module that makes a regular expression
// or a function the lint runs. Two of V8's defaults suit a long-lived program, not a command that
// lints a folder in under a second. The library (`lint`, `fix`, the plugins) and the language
// server set neither (the library's one flag is `--expose-gc`, which src/sections.ts sets to
// collect garbage between the sections of a very long text).
//
// Regular expressions. V8 runs a new expression through its bytecode interpreter once, then
// compiles it to machine code at its second use: each is compiled twice, and compiling one with a
// Unicode property (`\p{L}`, in about 80 of the ~400 a run uses) costs 0.1 to 0.7 ms, most of it
// ICU building the property's set. A lint uses almost every expression it compiles many times, so
// the interpreter's first step only costs: without it, a cold run over 293 news articles spent
// about a third less of its main thread compiling expressions (perf: 165-196 samples at 2 kHz
// against 102-147). The flag is read each time an expression is compiled, so setting it now
// applies to every expression made from here on; one compiled before stays as it was.
//
// Optimizing. V8 sends a function to its optimizing compiler (TurboFan, on background threads)
// once it has run some 66 KB of bytecode three times over (the interrupt budget). A cold lint of
// 293 articles (Node 20, 2 cores) so sent hundreds of functions: the background threads used
// ~540 ms of CPU beside the main thread's ~660, much of it optimizing functions the run was
// nearly done with, and on two cores they took the main thread's core from it for ~100 ms (its
// wait on the run queue, /proc schedstat). With a budget six times larger only the functions that
// keep running are optimized: background CPU ~210 ms, the main thread's wait ~10 ms and its CPU
// ~30 ms more (less of it in optimized code), the run ~80 ms shorter (medians of 9 alternating
// runs); a 5 MB file lints faster too (3.5-3.9 s against 4.0-4.5 s). V8 reads the budget each
// time it starts a function's count anew, so it applies from here on. Only on V8 11 (Node 20), where
// it was measured: Node 22 and later (V8 12+) first optimize with Maglev, a cheaper compiler,
// and keep their own tuning.
//
// V8 prints an error to standard output for a flag it does not know, which would corrupt a JSON
// report: each flag is set only on the V8 versions known to have it (11 in Node 20, through 14),
// and any other keeps V8's default, which changes speed only.
import {setFlagsFromString} from 'node:v8'

const major = Number(process.versions.v8.split('.')[0])
if (major >= 11 && major <= 14) setFlagsFromString('--no-regexp-tier-up')
// (Node 20's default is 67,584)
if (major === 11) setFlagsFromString('--interrupt-budget=400000')
