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
import {setFlagsFromString} from 'node:v8'

setFlagsFromString('--no-regexp-tier-up')
