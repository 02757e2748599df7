import type { ScoringEngine } from '../src/scoring/engine.ts';
import { createLocalEngine } from '../src/scoring/local/engine.ts';
import { createBm25Engine } from './baselines/bm25.ts';
import { createTfidfEngine } from './baselines/tfidf.ts';
import { createEvalLlmEngine } from './llm-engine.ts';

export interface EngineEntry {
  name: string;
  description: string;
  /**
   * True when the engine's 0–100 score is meant to carry the contract's verdict bands (75/50). Baseline
   * similarities have no such scale, so their verdict thresholds are fitted by cross-validation instead.
   */
  calibrated: boolean;
  create(): ScoringEngine;
}

export const ENGINES = {
  local: {
    name: 'local',
    description: 'the built-in local engine (fixed verdict bands)',
    calibrated: true,
    create: () => createLocalEngine(),
  },
  tfidf: {
    name: 'tfidf',
    description: 'TF-IDF cosine baseline (fitted thresholds)',
    calibrated: false,
    create: createTfidfEngine,
  },
  bm25: {
    name: 'bm25',
    description: 'Okapi BM25 baseline (fitted thresholds)',
    calibrated: false,
    create: createBm25Engine,
  },
  llm: {
    name: 'llm',
    description: 'the configured LLM provider (APTLY_SCORER, APTLY_LLM_*; fixed verdict bands)',
    calibrated: true,
    create: () => createEvalLlmEngine(),
  },
} as const satisfies Record<string, EngineEntry>;

export type EngineName = keyof typeof ENGINES;
export const ENGINE_NAMES = Object.keys(ENGINES) as EngineName[];
/** Without --engine: every engine that needs no configuration (llm calls a paid or local model). */
export const DEFAULT_ENGINE_NAMES = ENGINE_NAMES.filter((name) => name !== 'llm');

export function isEngineName(name: string): name is EngineName {
  return Object.hasOwn(ENGINES, name);
}

/** Parses `--engine local,bm25`; throws a message that lists the valid names. */
export function parseEngineList(value: string): EngineName[] {
  const names = value
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name.length > 0);
  if (names.length === 0) throw new Error(`--engine needs at least one of: ${ENGINE_NAMES.join(', ')}`);
  const unknown = names.filter((name) => !isEngineName(name));
  if (unknown.length > 0) {
    throw new Error(
      `unknown engine ${unknown.map((n) => `"${n}"`).join(', ')}; expected ${ENGINE_NAMES.join(', ')}`,
    );
  }
  return [...new Set(names.filter(isEngineName))];
}
