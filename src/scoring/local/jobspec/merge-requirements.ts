import type { RequirementDraft } from './requirement-draft.ts';
import type { Importance, Requirement } from './types.ts';

export interface SourcedDraft {
  readonly draft: RequirementDraft;
  readonly importance: Importance;
  readonly explicit: boolean;
  readonly source: string;
}

/** Beyond this many, requirements only dilute each other: the least important are dropped. */
const MAX_REQUIREMENTS = 30;
/** Slots kept for desirable requirements, so a long essentials list cannot crowd them all out. */
const DESIRABLE_SLOTS = 8;

/** One requirement per thing asked: the same concepts asked twice keep the stronger importance and years. */
export function mergeRequirements(drafts: readonly SourcedDraft[]): Requirement[] {
  const byKey = new Map<string, SourcedDraft>();
  let overallYears: SourcedDraft | undefined;
  for (const d of drafts) {
    if (d.draft.kind === 'years' && d.draft.yearsScope === 'overall') {
      overallYears = strongerYears(overallYears, d);
      continue;
    }
    const key = identity(d.draft);
    const existing = byKey.get(key);
    byKey.set(key, existing ? combine(existing, d) : d);
  }
  // A per-skill years requirement subsumes the plain requirement for the same skill.
  for (const d of byKey.values()) {
    if (d.draft.kind !== 'years') continue;
    const plainKey = identity({ ...d.draft, kind: 'skill' }, true);
    for (const [key, other] of byKey) {
      if (other.draft.kind !== 'years' && identity(other.draft, true) === plainKey) {
        byKey.delete(key);
        if (other.importance === 'essential' && d.importance === 'desirable')
          byKey.set(identity(d.draft), { ...d, importance: 'essential' });
      }
    }
  }
  const all = [...(overallYears ? [overallYears] : []), ...byKey.values()];
  const byPriority = all
    .map((d, order) => ({ d, order }))
    .sort((a, b) => priority(b.d) - priority(a.d) || a.order - b.order);
  const desirable = byPriority.filter((x) => x.d.importance === 'desirable').slice(0, DESIRABLE_SLOTS);
  const essential = byPriority
    .filter((x) => x.d.importance === 'essential')
    .slice(0, MAX_REQUIREMENTS - desirable.length);
  const ranked = [...essential, ...desirable].sort((a, b) => a.order - b.order);
  return ranked.map(({ d }, id) => ({
    ...d.draft,
    id,
    importance: d.importance,
    explicit: d.importance === 'essential' && d.explicit,
    source: d.source,
  }));
}

function identity(draft: RequirementDraft, ignoreKind = false): string {
  const alts = draft.alternatives
    .map((a) =>
      a.phrase.length > 0
        ? `p:${a.phrase.join(' ')}`
        : `c:${[...a.concepts].sort((x, y) => x - y).join('+')}`,
    )
    .sort()
    .join('|');
  if (draft.kind === 'degree') return `degree:${draft.degree?.level}:${draft.degree?.fieldStems.join(' ')}`;
  return `${ignoreKind ? '' : draft.kind === 'years' ? 'years:' : ''}${alts || draft.label.toLowerCase()}`;
}

function combine(a: SourcedDraft, b: SourcedDraft): SourcedDraft {
  const importance = a.importance === 'essential' || b.importance === 'essential' ? 'essential' : 'desirable';
  const keep = (b.draft.years ?? 0) > (a.draft.years ?? 0) ? b : a;
  const explicit =
    (a.importance === 'essential' && a.explicit) || (b.importance === 'essential' && b.explicit);
  return {
    ...keep,
    importance,
    explicit,
    draft: { ...keep.draft, weight: Math.max(a.draft.weight, b.draft.weight) },
  };
}

function strongerYears(a: SourcedDraft | undefined, b: SourcedDraft): SourcedDraft {
  if (!a) return b;
  if (a.importance !== b.importance) return a.importance === 'essential' ? a : b;
  return (b.draft.years ?? 0) > (a.draft.years ?? 0) ? b : a;
}

function priority(d: SourcedDraft): number {
  const base = d.importance === 'essential' ? 2 : 1;
  return base * 10 + d.draft.weight;
}
