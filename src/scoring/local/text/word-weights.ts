import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findPackageRoot } from '../../../config/package-root.ts';

interface FrequencyFile {
  readonly total: number;
  readonly stems: Readonly<Record<string, number>>;
}

export interface WordWeights {
  /** 0–1: how much a stem says about a text; everyday words weigh little, specialist terms fully. */
  weight(stem: string): number;
}

let loaded: WordWeights | undefined;

/** Rarity weights from everyday-English word counts (an IDF that needs no corpus of CVs). */
export function loadWordWeights(): WordWeights {
  loaded ??= createWordWeights(readFrequencies());
  return loaded;
}

function readFrequencies(): FrequencyFile {
  const path = join(
    findPackageRoot(import.meta.url),
    'src',
    'scoring',
    'local',
    'text',
    'data',
    'word-frequency.json',
  );
  return JSON.parse(readFileSync(path, 'utf8')) as FrequencyFile;
}

export function createWordWeights(file: FrequencyFile): WordWeights {
  const maxIdf = Math.log(file.total);
  const cache = new Map<string, number>();
  return {
    weight(stem) {
      let w = cache.get(stem);
      if (w === undefined) {
        const count = file.stems[stem] ?? 0;
        w = Math.log(file.total / (count + 1)) / maxIdf;
        cache.set(stem, w);
      }
      return w;
    },
  };
}
