// Imported first by the `copydesk` executable, before any module that makes a regular expression.
//
// V8 runs a new regular expression through its bytecode interpreter once, then compiles it to
// machine code at its second use: each is compiled twice, and compiling one with a Unicode
// property (`\p{L}`, in about 80 of the ~400 a run uses) costs 0.1 to 0.7 ms, most of it ICU
// building the property's set. A lint uses almost every expression it compiles many times, so
// the interpreter's first step only costs: without it, a cold run over 293 news articles spent
// about a third less of its main thread compiling expressions (perf: 165-196 samples at 2 kHz
// against 102-147). The flag is read each time an expression is compiled, so setting it now
// applies to every expression made from here on; one compiled before stays as it was. The
// library (`lint`, `fix`, the plugins) leaves the process's flags alone.
//
// V8 prints an error to standard output for a flag it does not know, which would corrupt a JSON
// report: the flag is set only on the V8 versions known to have it (11 in Node 20, through 14),
// and any other keeps V8's default, which changes speed only.
import {setFlagsFromString} from 'node:v8'

const major = Number(process.versions.v8.split('.')[0])
if (major >= 11 && major <= 14) setFlagsFromString('--no-regexp-tier-up')
