import type { CvProfile } from '../cv/profile.ts';
import { shinglesOf } from '../jobspec/shingles.ts';
import type { ParsedJob } from '../jobspec/types.ts';
import type { Hit } from '../match/hits.ts';

/** A block this much made of 4-word runs of the ad was copied from it. */
const COPY_RATIO = 0.3;
const MIN_COPY_TOKENS = 10;
/** Corroborated means shown somewhere a reader would believe it: a role, a project, a summary. */
const CORROBORATING_STRENGTH = 0.7;
const MIN_BLOCK_TOKENS = 8;
const MIN_REQUIREMENTS_IN_BLOCK = 3;
const DENSITY = 0.35;
const UNCORROBORATED_SHARE = 0.6;

const STUFFABLE_KINDS = new Set(['skill', 'technology', 'tool', 'knowledge', 'phrase', 'years']);

interface LineFacts {
  readonly stems: readonly string[];
  /** Requirement indexes with a direct hit on the line. */
  readonly requirements: ReadonlySet<number>;
  readonly hitCount: number;
}

/**
 * Keyword stuffing: text pasted from the ad or a dense list of its terms that nothing else in the CV
 * backs up (hidden white text reads exactly like this once extracted). Such lines earn no credit.
 */
export function findStuffedLines(
  profile: CvProfile,
  job: ParsedJob,
  hitsByRequirement: readonly (readonly Hit[])[],
): Set<number> {
  const stuffed = new Set<number>();
  // Licences, languages and degrees are stated once, in a list, by everyone: they prove no stuffing.
  const hard = job.requirements.map((r) => STUFFABLE_KINDS.has(r.kind));
  if (hard.filter(Boolean).length < MIN_REQUIREMENTS_IN_BLOCK) return stuffed;
  const facts = lineFacts(profile, hitsByRequirement, hard);
  // A dated role line is experience as written, however terse and keyword-dense it is.
  const anchors = new Set(profile.entries.map((e) => e.anchorLine));
  for (const block of candidateBlocks(profile)) {
    if (block.some((l) => anchors.has(l))) continue;
    if (isStuffed(block, facts, job, hitsByRequirement, hard)) for (const line of block) stuffed.add(line);
  }
  return stuffed;
}

function lineFacts(
  profile: CvProfile,
  hitsByRequirement: readonly (readonly Hit[])[],
  hard: readonly boolean[],
): LineFacts[] {
  const stems: string[][] = profile.lines.map(() => []);
  for (const t of profile.tokens) stems[t.line]?.push(t.stem);
  const requirements = profile.lines.map(() => new Set<number>());
  const hitCount = profile.lines.map(() => 0);
  hitsByRequirement.forEach((hits, r) => {
    if (!hard[r]) return;
    for (const h of hits) {
      if (h.via === 'related') continue;
      requirements[h.line]?.add(r);
      hitCount[h.line] = (hitCount[h.line] ?? 0) + 1;
    }
  });
  return profile.lines.map((_l, i) => ({
    stems: stems[i] ?? [],
    requirements: requirements[i] ?? new Set(),
    hitCount: hitCount[i] ?? 0,
  }));
}

function isStuffed(
  block: readonly number[],
  facts: readonly LineFacts[],
  job: ParsedJob,
  hitsByRequirement: readonly (readonly Hit[])[],
  hard: readonly boolean[],
): boolean {
  const stems = block.flatMap((l) => facts[l]?.stems ?? []);
  if (stems.length < MIN_BLOCK_TOKENS) return false;
  const inBlock = new Set(block.flatMap((l) => [...(facts[l]?.requirements ?? [])]));
  if (inBlock.size < MIN_REQUIREMENTS_IN_BLOCK) return false;
  const shingles = shinglesOf(stems);
  let copied = 0;
  for (const s of shingles) if (job.shingles.has(s)) copied++;
  if (stems.length >= MIN_COPY_TOKENS && copied / Math.max(1, shingles.size) >= COPY_RATIO) return true;
  const hardCount = hard.filter(Boolean).length;
  if (inBlock.size < Math.max(4, Math.ceil(hardCount * 0.4))) return false;
  const hits = block.reduce((n, l) => n + (facts[l]?.hitCount ?? 0), 0);
  if (hits / stems.length < DENSITY) return false;
  const lines = new Set(block);
  let uncorroborated = 0;
  for (const r of inBlock) {
    const backed = (hitsByRequirement[r] ?? []).some(
      (h) => !lines.has(h.line) && h.via !== 'related' && h.strength >= CORROBORATING_STRENGTH,
    );
    if (!backed) uncorroborated++;
  }
  return uncorroborated / inBlock.size >= UNCORROBORATED_SHARE;
}

/** Each line on its own, and each paragraph (lines between blank lines or headings). */
function candidateBlocks(profile: CvProfile): number[][] {
  const blocks: number[][] = [];
  let paragraph: number[] = [];
  const flush = () => {
    if (paragraph.length > 1) blocks.push(paragraph);
    paragraph = [];
  };
  for (const line of profile.lines) {
    if (line.heading || line.text.trim() === '') {
      flush();
      continue;
    }
    blocks.push([line.index]);
    paragraph.push(line.index);
  }
  flush();
  return blocks;
}
