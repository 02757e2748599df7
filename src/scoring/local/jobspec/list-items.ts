import { ROLE_HEAD_WORDS, SENIORITY_WORDS } from '../cv/role-words.ts';
import type { ConceptMention } from '../match/concept-scan.ts';
import type { ConceptKind, Taxonomy } from '../taxonomy/types.ts';
import type { IndexedToken } from '../text/indexed-tokens.ts';
import { type Clause, isConsumed } from './clause-context.ts';
import { AVAILABILITY, isDesirableSegment, segmentAround } from './importance.ts';
import { findExamples, type Piece, splitPieces } from './list-pieces.ts';
import { isSpecificPhrase } from './phrase-specificity.ts';
import type { RequirementDraft } from './requirement-draft.ts';
import { SOFT_WORDS, SPEC_FRAMING_WORDS } from './spec-vocabulary.ts';
import type { Alternative, RequirementKind } from './types.ts';

interface Item {
  readonly alternative: Alternative;
  /** Other ways to show the same item ("Microsoft Office (Excel)"). */
  readonly extra?: readonly Alternative[];
  readonly kinds: readonly ConceptKind[];
  readonly soft: boolean;
}

const MAX_PHRASE_TOKENS = 5;
const NEGATED_PIECE = /^\s*(?:no|not|nothing|never|without|none|neither|nor)\b/i;
/** "Senior Python Developer": the role and seniority words are the title, not a qualifier of Python. */
const ROLE_OR_SENIORITY = new Set([
  ...ROLE_HEAD_WORDS,
  ...Object.keys(SENIORITY_WORDS),
  'mid-level',
  'entry-level',
]);

/**
 * The requirement items of a clause, read as a list: "FastAPI or Django REST, PostgreSQL, experience with
 * async Python" is three requirements, the first with two alternatives; "frameworks such as TensorFlow,
 * Keras or PyTorch" is one requirement any example of which shows. Items the taxonomy does not know stay
 * as phrases ("async Python", "acute hospital setting"), matched by their words.
 */
export function extractListItems(
  clause: Clause,
  taxonomy: Taxonomy,
  requirementLike: boolean,
): RequirementDraft[] {
  const { examples, main } = findExamples(clause);
  const mainPieces = main.flatMap((span) => splitPieces(clause, span.start, span.end));
  const drafts: RequirementDraft[] = [];
  const groups = groupPieces(mainPieces);
  const withExamples = new Map<Piece[], Item[]>();
  for (const list of examples) {
    const head = [...mainPieces]
      .reverse()
      .find((p) => p.end <= list.markerStart && list.markerStart - p.end <= 3);
    const members = list.members.flatMap((p) => readItems(clause, p, taxonomy, requirementLike));
    if (members.length === 0) continue;
    // The head and any alternatives it has ("an ERP or accounting system (SAP, Sage…)") take the examples.
    const group = head ? groups.find((g) => g.includes(head)) : undefined;
    if (!group) {
      drafts.push(toDraft(members, members.length >= 3));
      continue;
    }
    const headItems =
      withExamples.get(group) ?? group.flatMap((p) => readItems(clause, p, taxonomy, requirementLike));
    // "a current AWS certification (e.g. Solutions Architect, DevOps Engineer)": the examples name kinds of
    // the certificate; a job title among them must not stand in for holding it.
    const certificateHead = headItems.some((i) => i.kinds.includes('certification'));
    withExamples.set(group, certificateHead ? headItems : [...headItems, ...members]);
  }
  for (const group of groups) {
    const examplesItems = withExamples.get(group);
    if (examplesItems) {
      drafts.push(toDraft(examplesItems, examplesItems.length >= 4));
      continue;
    }
    const perPiece = group.map((p) => readItems(clause, p, taxonomy, requirementLike));
    const softened = softenedBySegment(clause.text, group);
    // One piece naming several separate terms ("Python developer building APIs") asks for each of them.
    if (perPiece.length === 1) {
      for (const item of perPiece[0] ?? []) drafts.push(softened(toDraft([item], false)));
    } else {
      const items = perPiece.flat();
      if (items.length > 0) drafts.push(softened(toDraft(items, false)));
    }
  }
  return drafts;
}

/** Marks a draft desirable when its own part of the sentence says so ("…, ideally software"). */
function softenedBySegment(
  text: string,
  group: readonly Piece[],
): (draft: RequirementDraft) => RequirementDraft {
  const first = group[0];
  const last = group[group.length - 1];
  const desirable = first && last ? isDesirableSegment(segmentAround(text, first.start, last.end)) : false;
  return (draft) => (desirable ? { ...draft, importance: 'desirable' } : draft);
}

/**
 * "A or B" and "A/B" are alternatives. In a comma list, "or" before the last item makes the whole list
 * alternatives ("Java, C# or Go"); otherwise each comma item stands alone ("FastAPI or Django REST,
 * PostgreSQL" asks for PostgreSQL and for one of the two frameworks).
 */
function groupPieces(pieces: readonly Piece[]): Piece[][] {
  const lists: Piece[][][] = [];
  for (const piece of pieces) {
    const list = lists[lists.length - 1];
    const item = list?.[list.length - 1];
    if (piece.connector === 'or' && item) item.push(piece);
    else if (piece.connector === 'comma' && list) list.push([piece]);
    else lists.push([[piece]]);
  }
  return lists.flatMap((list) => {
    const last = list[list.length - 1];
    return list.length > 1 && last && last.length > 1 ? [list.flat()] : list;
  });
}

/** A piece of a list as items: its terms (compounds need every part), or a phrase of unknown words. */
function readItems(clause: Clause, piece: Piece, taxonomy: Taxonomy, requirementLike: boolean): Item[] {
  // "no multi-drop", "nothing for drink driving", "not a deal-breaker": said to rule out, not to ask for.
  if (NEGATED_PIECE.test(clause.text.slice(piece.start, piece.end))) return [];
  const mentions = clause.mentions.filter(
    (m) => m.start >= piece.start && m.end <= piece.end && !isConsumed(clause, m),
  );
  const tokens = clause.tokens
    .map((t, i) => ({ t, i }))
    .filter(({ t, i }) => t.start >= piece.start && t.end <= piece.end && !clause.consumed.has(i));
  const inMention = (i: number) => mentions.some((m) => i >= m.from && i < m.to);
  const residual = tokens
    .filter(({ t, i }) => !inMention(i) && !SPEC_FRAMING_WORDS.has(t.raw.toLowerCase()) && !/^\d/.test(t.raw))
    .map(({ t }) => t);
  for (const m of mentions) for (let i = m.from; i < m.to; i++) clause.consumed.add(i);
  for (const { i } of tokens) clause.consumed.add(i);
  if (mentions.length > 0) return conceptItems(clause, taxonomy, mentions, residual);
  // "travelling up to 20%", "rotating shifts": true of the job, never shown by a CV.
  if (AVAILABILITY.test(clause.text.slice(piece.start, piece.end))) return [];
  const phrase = requirementLike ? phraseItem(clause, residual) : undefined;
  return phrase ? [phrase] : [];
}

/**
 * "Senior Python Developer with 5+ years of experience building production APIs": the role named before
 * the ask is the advert describing itself; what a CV can show is what follows it.
 */
function afterRoleName(residual: readonly IndexedToken[]): readonly IndexedToken[] {
  const lastRoleWord = residual.findLastIndex((t) => ROLE_HEAD_WORDS.has(t.raw.toLowerCase()));
  return lastRoleWord >= 0 && lastRoleWord < residual.length - 1
    ? residual.slice(lastRoleWord + 1)
    : residual;
}

function phraseItem(clause: Clause, allResidual: readonly IndexedToken[]): Item | undefined {
  const residual = afterRoleName(allResidual);
  if (residual.length === 0 || residual.length > MAX_PHRASE_TOKENS) return undefined;
  const raws = residual.map((t) => t.raw.toLowerCase());
  const softWords = raws.filter((r) => SOFT_WORDS.has(r)).length;
  const soft = softWords * 3 >= raws.length || SOFT_WORDS.has(raws[0] ?? '');
  if (!soft && !isSpecificPhrase(raws)) return undefined;
  const first = residual[0];
  const last = residual[residual.length - 1];
  if (!first || !last) return undefined;
  const label = cleanLabel(clause.text.slice(first.start, last.end));
  return { alternative: { label, concepts: [], phrase: residual.map((t) => t.stem) }, kinds: [], soft };
}

/**
 * Adjacent terms form one compound that needs every part ("Django REST"). A term in brackets after
 * another is a way to show it ("Microsoft Office (Excel)"); other terms in the piece are items of their
 * own. Unknown words touching a term qualify it ("async Python").
 */
function conceptItems(
  clause: Clause,
  taxonomy: Taxonomy,
  mentions: readonly ConceptMention[],
  residual: readonly IndexedToken[],
): Item[] {
  const groups: ConceptMention[][] = [];
  for (const m of mentions) {
    const last = groups[groups.length - 1];
    const prev = last?.[last.length - 1];
    if (last && prev && /^[\s-]*$/.test(clause.text.slice(prev.end, m.start))) last.push(m);
    else groups.push([m]);
  }
  const items: Item[] = [];
  groups.forEach((group, g) => {
    const kinds = group.map((m) => taxonomy.concepts[m.concept]?.kind ?? 'skill');
    const soft =
      kinds.every((k) => k === 'soft') ||
      group.every((m) => isSoftSurface(clause.text.slice(m.start, m.end)));
    const alternative = compoundAlternative(clause, group, residual);
    const previous = items[items.length - 1];
    const prevEnd = groups[g - 1]?.at(-1)?.end ?? 0;
    const bracketed = g > 0 && /\(\s*$/.test(clause.text.slice(prevEnd, group[0]?.start ?? 0));
    if (previous && bracketed)
      items[items.length - 1] = { ...previous, extra: [...(previous.extra ?? []), alternative] };
    else items.push({ alternative, kinds, soft });
  });
  return items;
}

function compoundAlternative(
  clause: Clause,
  group: readonly ConceptMention[],
  residual: readonly IndexedToken[],
): Alternative {
  const first = group[0];
  const last = group[group.length - 1];
  const start = first?.start ?? 0;
  const end = last?.end ?? 0;
  const { from, to } = growOverTouching(clause.text, residual, start, end);
  const label = cleanLabel(clause.text.slice(from, to));
  const qualified = from < start || to > end;
  const phrase = qualified
    ? clause.tokens.filter((t) => t.start >= from && t.end <= to).map((t) => t.stem)
    : [];
  return { label, concepts: group.map((m) => m.concept), phrase, headConcept: to === end };
}

/** Unknown words beside a term, and words beside those, qualify it ("async Python", "electronic patient records"). */
function growOverTouching(text: string, residual: readonly IndexedToken[], start: number, end: number) {
  let from = start;
  let to = end;
  let grew = true;
  while (grew) {
    grew = false;
    for (const t of residual) {
      if (ROLE_OR_SENIORITY.has(t.raw.toLowerCase())) continue;
      if (t.end <= from && /^[\s-]*$/.test(text.slice(t.end, from))) {
        from = t.start;
        grew = true;
      } else if (t.start >= to && /^[\s-]*$/.test(text.slice(to, t.start))) {
        to = t.end;
        grew = true;
      }
    }
  }
  return { from, to };
}

function isSoftSurface(surface: string): boolean {
  const words = surface
    .toLowerCase()
    .split(/[^a-z-]+/)
    .filter((w) => w.length > 2);
  return words.length > 0 && words.every((w) => SOFT_WORDS.has(w));
}

/** "Registered Nurse (Adult" → "Registered Nurse (Adult)"; stray brackets and trailing punctuation go. */
function cleanLabel(raw: string): string {
  let label = raw.replace(/\s+/g, ' ').trim();
  const open = (label.match(/\(/g) ?? []).length;
  const close = (label.match(/\)/g) ?? []).length;
  if (open > close) label = `${label})`;
  else if (close > open) label = label.replace(/\)/g, '');
  return label.replace(/^[\s,;:–-]+|[\s,;:–-]+$/g, '');
}

const KIND_OF: Readonly<Record<ConceptKind, RequirementKind>> = {
  skill: 'skill',
  knowledge: 'knowledge',
  technology: 'technology',
  tool: 'tool',
  certification: 'certification',
  language: 'language',
  soft: 'soft',
};

function toDraft(items: readonly Item[], examples: boolean): RequirementDraft {
  const kinds = items.flatMap((i) => i.kinds);
  const soft = items.every((i) => i.soft);
  const kind: RequirementKind = soft
    ? 'soft'
    : kinds.includes('certification')
      ? 'certification'
      : kinds.length > 0
        ? KIND_OF[kinds.find((k) => k !== 'soft') ?? 'skill']
        : 'phrase';
  const alternatives = items.flatMap((i) => [i.alternative, ...(i.extra ?? [])]);
  return {
    kind,
    label: alternatives.map((a) => a.label).join(examples ? ', ' : ' or '),
    alternatives,
    examples,
    weight: soft ? 0.2 : kind === 'phrase' ? 0.6 : 1,
  };
}
