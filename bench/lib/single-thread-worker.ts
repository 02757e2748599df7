/**
 * Worker entry of the one-thread measurement: the engine runs on a thread of its own, as it does in the
 * service (whose main thread never scores), with the same V8 limits as the scoring pool.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { BenchInput } from './measure.ts';
import { BENCH_SUBJECTS, type BenchSubjectName } from './subjects.ts';
import { timeSubject } from './time-subject.ts';

const { subject, input } = workerData as { subject: BenchSubjectName; input: BenchInput };
// No top-level await: under tsx (tests) this module is loaded through require. A rejection here is
// unhandled, which ends the worker with an 'error' event the parent reports.
void timeSubject(BENCH_SUBJECTS[subject], input).then((timings) => parentPort?.postMessage(timings));
