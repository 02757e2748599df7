/**
 * Alias quality rules shared by every source: what to drop as noise and what must match case-sensitively.
 */
import { stemWord, type Token, tokenize } from '../../src/scoring/local/text/tokenize.ts';
import type { English } from './english.ts';

/**
 * Single words too generic to name one concept: as a bare alias they would match almost any CV.
 * Compared by stem, so plurals and verb forms are covered.
 */
const GENERIC_WORDS = `
 management manage manager support service design planning plan training train research data team
 development develop operation communication communicate administration administer analysis analyse
 assessment assess business care cleaning control coordination customer delivery documentation education
 engineering environment equipment evaluation health implementation improvement information installation
 inspection integration knowledge learning maintenance materials measurement monitoring organisation
 organization performance policy practice preparation processing production project quality reporting report
 safety security solution standard strategy system technology testing test tool work writing product process
 procedure method technique principle theory activity regulation science art media culture energy history
 logic language people person staff client patient user problem task job role duty office general basic
 application program software hardware computer machine device component part unit material resource
 record document file network internet online digital web technical professional specialist expert
 operations consulting consultation advice guidance help assistance instruction 
 lead leading motivation organising creativity create creative
 innovation change adapt adaptation flexibility initiative responsibility ethics integrity honesty
 attention focus detail accuracy patience empathy confidence trust reliability commitment dedication
 interest curiosity judgment decision thinking thought idea concept model structure form pattern scale
 balance space shape color sound light water food travel transport safety buy buying
 purchase purchasing order ordering money cost price payment account accounts
 rule rules right rights public private social personal individual group community society
 life living home house family child children adult student worker employee employer company
 organisation industry sector market picture play
 run running walk walking clean wash build building repair workflow automation
 install make making produce handle handling check checking measure inspect prepare set setting
 use using apply applying perform performing carry conduct provide ensure follow keep maintain
 operate operating monitor assist assisting communicate respond answer report write read speak listen
 `;

export const GENERIC_KEYS: ReadonlySet<string> = new Set(
  GENERIC_WORDS.split(/\s+/)
    .filter(Boolean)
    .map((w) => stemWord(w)),
);

export type DropReason = 'empty' | 'short' | 'generic' | 'common-word' | 'too-long' | 'edge-stop-word';

export interface AliasInput {
  readonly surface: string;
  readonly preferred: boolean;
  /** The source's casing carries meaning (product names, ESCO's lower-case labels), unlike sentence case. */
  readonly casingMeaningful: boolean;
  /** A single common English word may stay when it is the concept's own preferred label ("golf"). */
  readonly allowCommonPreferred: boolean;
  /** Corpus count from which a bare lower-case word counts as common (default: english.ts). */
  readonly commonMinCount?: number | undefined;
  /** Longest alias kept, in content tokens (default MAX_ALIAS_TOKENS). */
  readonly maxTokens?: number | undefined;
}

/** Objects of verb-phrase labels are the skill's domain ("payroll"), so only very common words are dropped. */
export const DERIVED_COMMON_MIN_COUNT = 1000;

export type AliasVerdict =
  | { readonly keep: false; readonly reason: DropReason }
  | { readonly keep: true; readonly key: string; readonly caseSensitive: boolean; readonly tokens: number };

/** Aliases longer than this many content tokens are descriptions, not names, and never occur verbatim. */
export const MAX_ALIAS_TOKENS = 6;
/**
 * ESCO alternative labels are mostly verb-phrase rewordings ("coordinate duties of musical staff"); past four
 * content words they practically never occur verbatim in a CV, so they are pruned to keep loading fast.
 */
export const MAX_ALTERNATIVE_TOKENS = 4;

export function judgeAlias(input: AliasInput, english: English): AliasVerdict {
  const all = tokenize(input.surface);
  const content = all.filter((t) => !t.stop);
  const key = content.map((t) => t.stem).join(' ');
  if (content.length === 0 || key.length === 0) return { keep: false, reason: 'empty' };
  if (content.length > (input.maxTokens ?? MAX_ALIAS_TOKENS)) return { keep: false, reason: 'too-long' };
  // "Java ME", "Post Once": a stop word at the edge would leave a key ("java") that names something else.
  if (all.length > 1 && (all[0]?.stop || all[all.length - 1]?.stop))
    return { keep: false, reason: 'edge-stop-word' };
  const [only] = content;
  if (content.length === 1 && only !== undefined) {
    if (only.stem.length <= 2) return { keep: false, reason: 'short' };
    if (GENERIC_KEYS.has(only.stem)) return { keep: false, reason: 'generic' };
    const capitalised = input.casingMeaningful && only.raw !== only.lower;
    const common =
      english.isCommon(only.lower, input.commonMinCount) ||
      english.stemIsCommon(only.stem, input.commonMinCount);
    if (common && !capitalised && !(input.preferred && input.allowCommonPreferred)) {
      return { keep: false, reason: 'common-word' };
    }
  }
  return { keep: true, key, caseSensitive: isCaseSensitive(input, content, english), tokens: content.length };
}

/**
 * Case-sensitive: every alias of at most three letters ("SQL", "R", "C++"), an upper-case English word
 * ("IT", "ACT", "SAFE"), and a capitalised product name that is also a common word ("Swift", "Chef", "Excel").
 */
export function isCaseSensitive(input: AliasInput, content: readonly Token[], english: English): boolean {
  const letters = input.surface.replace(/[^\p{L}]/gu, '');
  if (letters.length <= 3) return true;
  if (content.length !== 1) return false;
  const [only] = content;
  if (only === undefined) return false;
  const raw = only.raw;
  const allCaps = raw === raw.toUpperCase() && /\p{Lu}.*\p{Lu}/u.test(raw);
  if (allCaps && english.isWord(only.lower)) return true;
  const common = english.isCommon(only.lower) || english.stemIsCommon(only.stem);
  return input.casingMeaningful && raw !== only.lower && common;
}

/**
 * Verbs whose object names the skill on its own in CVs ("operate forklift" → "forklift",
 * "carry out wound care" → "wound care"). Longest first.
 */
export const OBJECT_VERBS: readonly string[] = [
  'carry out',
  'work with',
  'deal with',
  'make use of',
  'administer',
  'undertake',
  'practise',
  'practice',
  'utilise',
  'utilize',
  'operate',
  'perform',
  'conduct',
  'execute',
  'employ',
  'handle',
  'manage',
  'apply',
  'use',
];

/** Verb → noun, for "manage payroll" → "payroll management". */
export const NOMINALS: Readonly<Record<string, string>> = {
  manage: 'management',
  operate: 'operation',
  administer: 'administration',
  maintain: 'maintenance',
  install: 'installation',
  inspect: 'inspection',
  prepare: 'preparation',
  supervise: 'supervision',
  monitor: 'monitoring',
  handle: 'handling',
  process: 'processing',
  plan: 'planning',
  coordinate: 'coordination',
  analyse: 'analysis',
  assess: 'assessment',
  evaluate: 'evaluation',
  negotiate: 'negotiation',
  calibrate: 'calibration',
  audit: 'auditing',
  test: 'testing',
  repair: 'repair',
  design: 'design',
  develop: 'development',
};

const ARTICLE = /^(?:a|an|the)\s+/i;

/** Extra aliases for a verb-phrase label: its object, and "object + nominal" ("payroll management"). */
export function verbPhraseVariants(label: string): string[] {
  const lower = label.toLowerCase();
  const variants: string[] = [];
  const objectVerb = OBJECT_VERBS.find((v) => lower.startsWith(`${v} `));
  if (objectVerb !== undefined) {
    const object = label.slice(objectVerb.length + 1).replace(ARTICLE, '');
    if (object.length > 0) variants.push(object);
  }
  const [first, ...rest] = label.split(/\s+/);
  const nominal = first === undefined ? undefined : NOMINALS[first.toLowerCase()];
  if (nominal !== undefined && rest.length > 0 && rest.length <= 3) {
    const object = rest.join(' ').replace(ARTICLE, '');
    if (!/\b(?:of|to|in|on|for|with|and|or|from|by|at)\b/i.test(object))
      variants.push(`${object} ${nominal}`);
  }
  return variants;
}
