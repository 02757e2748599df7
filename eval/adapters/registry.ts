import { resolve } from 'node:path';
import { loadGenericDataset, looksLikeGenericDataset, readMetaAsOf } from '../datasets.ts';
import { DatasetError, isDirectory, isFile } from '../files.ts';
import type { EvalDataset } from '../types.ts';
import { loadHackerEarth, looksLikeHackerEarth } from './hackerearth.ts';
import { loadKaggle, looksLikeKaggle } from './kaggle.ts';
import { loadVanetik, looksLikeVanetik } from './vanetik.ts';

export interface DatasetAdapter {
  name: string;
  detect(path: string): Promise<boolean>;
  load(path: string): Promise<EvalDataset>;
}

/** Detection order matters only if a folder matched several; the public sets' files do not overlap. */
export const ADAPTERS: readonly DatasetAdapter[] = [
  { name: 'generic', detect: looksLikeGenericDataset, load: loadGenericDataset },
  { name: 'hackerearth', detect: looksLikeHackerEarth, load: loadHackerEarth },
  { name: 'kaggle', detect: looksLikeKaggle, load: loadKaggle },
  { name: 'vanetik', detect: looksLikeVanetik, load: loadVanetik },
];

export const ADAPTER_NAMES = ADAPTERS.map((a) => a.name);

/** Loads a dataset with the named adapter, or the first whose files are present. */
export async function loadDataset(path: string, adapterName?: string): Promise<EvalDataset> {
  const absolute = resolve(path);
  if (!(await isDirectory(absolute)) && !(await isFile(absolute))) {
    throw new DatasetError(`${path}: no such file or directory`);
  }
  let adapter: DatasetAdapter | undefined;
  if (adapterName !== undefined) {
    adapter = ADAPTERS.find((a) => a.name === adapterName);
    if (!adapter)
      throw new DatasetError(`unknown adapter "${adapterName}"; expected ${ADAPTER_NAMES.join(', ')}`);
  } else {
    for (const candidate of ADAPTERS) {
      if (await candidate.detect(absolute)) {
        adapter = candidate;
        break;
      }
    }
    if (!adapter) {
      throw new DatasetError(
        `${path}: not a recognised dataset. Expected jobs/ + labels.csv (generic layout, see eval/README.md), ` +
          `or pass --adapter ${ADAPTER_NAMES.join('|')}`,
      );
    }
  }
  const dataset = await adapter.load(absolute);
  if (dataset.asOf === undefined && (await isDirectory(absolute))) {
    const asOf = await readMetaAsOf(absolute);
    if (asOf !== undefined) dataset.asOf = asOf;
  }
  return dataset;
}
