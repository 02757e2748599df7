import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { TestProject } from 'vitest/node';
import { type FaultFigures, NO_FIGURES } from './figures.ts';

/** Gives every fault test a file to record its figures in, and prints their sum when the run ends. */
export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(path.join(tmpdir(), 'aptly-faults-'));
  const file = path.join(dir, 'figures.jsonl');
  writeFileSync(file, '');
  project.provide('faultFiguresFile', file);
  const started = Date.now();
  return () => {
    const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
    rmSync(dir, { recursive: true, force: true });
    const total = { ...NO_FIGURES };
    for (const line of lines) {
      const figures = JSON.parse(line) as FaultFigures;
      for (const key of Object.keys(total) as (keyof FaultFigures)[]) total[key] += figures[key];
    }
    const seconds = Math.round((Date.now() - started) / 1000);
    console.log(
      `\nFault tests: ${total.jobs} jobs, ${total.candidates} candidates, ${total.kills} worker kills, ` +
        `${total.restarts} PostgreSQL restarts, ${total.crashes} process crashes restarted, ` +
        `${total.webhooksDelivered} webhooks delivered; lost = ${total.lost}, duplicated = ${total.duplicated} ` +
        `(${lines.length} tests recorded, ${seconds} s)\n`,
    );
  };
}
