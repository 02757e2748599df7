// Worker entry for running a TypeScript worker module from source (tests): Node refuses a .ts file as a
// worker's entry, `eval` workers ignore execArgv's --import, and tsx's import hooks do not reach worker
// threads on Node 20, but its require hook (registered by execArgv's --import tsx) does.
require(require('node:worker_threads').workerData.entry);
