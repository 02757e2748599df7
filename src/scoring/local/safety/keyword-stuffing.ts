import type { CvProfile } from '../cv/profile.ts';
import { shinglesOf } from '../jobspec/shingles.ts';
import type { ParsedJob, RequirementKind } from '../jobspec/types.ts';
import type { Hit } from '../match/hits.ts';
import { isStopWord } from '../text/stopwords.ts';

/** A block this much made of 4-word runs of the ad was copied from it. */
const COPY_RATIO = 0.3;
const MIN_COPY_TOKENS = 10;
/** Corroborated means shown somewhere a reader would believe it: a role, a project, a summary. */
const CORROBORATING_STRENGTH = 0.7;
const MIN_BLOCK_TOKENS = 8;
const MIN_REQUIREMENTS_IN_BLOCK = 4;
const MIN_SHARE_OF_REQUIREMENTS = 0.4;
const DENSITY = 0.35;
/**
 * Written as sentences or a career ("Built production APIs in Python with FastAPI and PostgreSQL", "7 years
 * Python, FastAPI, AWS"): function words, or years of experience claimed. Such text is writing, however
 * dense with the ad's terms, unless it was copied from the ad; hidden stuffing is a bare run of terms.
 */
const PROSE_FUNCTION_WORDS = 0.12;
/**
 * Prose that is most of the CV ("Jane Smith. Software Engineer. 7 years Python experience, building APIs
 * with FastAPI…") is the CV itself, with nothing else to back it up: only a near-pure run of terms counts.
 */
const MOST_OF_THE_CV = 0.6;
const LIST_DENSITY = 0.8;
const UNCORROBORATED_SHARE = 0.6;
/** Skills must be in the block too: a list of licences alone ("Full UK licence · CSCS · SSSTS") is normal. */
const MIN_SKILLS_IN_BLOCK = 2;

/** Licences, languages and degrees are stated once, in a list, by everyone: nothing else can back them. */
const SELF_EVIDENT: ReadonlySet<RequirementKind> = new Set(['certification', 'language', 'degree']);
const IGNORED: ReadonlySet<RequirementKind> = new Set(['soft', 'title']);

/** Sections whose job is to list things once: a dense list there is the section doing its job. */
const LISTING_SECTIONS: ReadonlySet<string> = new Set(['certifications', 'languages', 'education']);

interface LineFacts {
  readonly stems: readonly string[];
  /** Requirement indexes with a direct hit on the line. */
  readonly requirements: ReadonlySet<number>;
  readonly hitCount: number;
}

interface Context {
  readonly profile: CvProfile;
  readonly job: ParsedJob;
  readonly facts: readonly LineFacts[];
  readonly hitsByRequirement: readonly (readonly Hit[])[];
  readonly counted: number;
  /** Content stems in the whole CV. */
  readonly totalStems: number;
}

/**
 * Keyword stuffing: text pasted from the ad, or a dense list of its terms that nothing else in the CV
 * backs up (hidden white text reads exactly like this once extracted). Such lines earn no credit.
 */
export function findStuffedLines(
  profile: CvProfile,
  job: ParsedJob,
  hitsByRequirement: readonly (readonly Hit[])[],
): Set<number> {
  const stuffed = new Set<number>();
  const counted = job.requirements.filter((r) => !IGNORED.has(r.kind)).length;
  if (counted < MIN_REQUIREMENTS_IN_BLOCK) return stuffed;
  const facts = lineFacts(profile, job, hitsByRequirement);
  const totalStems = facts.reduce((n, f) => n + f.stems.length, 0);
  const context: Context = { profile, job, facts, hitsByRequirement, counted, totalStems };
  // A dated role line is experience as written, however terse and keyword-dense it is.
  const anchors = new Set(profile.entries.map((e) => e.anchorLine));
  for (const line of profile.lines) {
    if (!line.heading && !anchors.has(line.index) && isStuffed([line.index], context))
      stuffed.add(line.index);
  }
  // A paragraph is judged as a whole only when no single line of it was, and never a section of
  // qualifications, where listing competences is what the section is for. Then its lines that name the
  // ad's skills go; the rest of the paragraph stays.
  for (const paragraph of paragraphs(profile)) {
    if (paragraph.some((l) => anchors.has(l) || stuffed.has(l))) continue;
    if (paragraph.some((l) => LISTING_SECTIONS.has(profile.lines[l]?.section ?? 'none'))) continue;
    if (!isStuffed(paragraph, context)) continue;
    for (const l of paragraph) if (namesSkill(l, context)) stuffed.add(l);
  }
  return stuffed;
}

function lineFacts(
  profile: CvProfile,
  job: ParsedJob,
  hitsByRequirement: readonly (readonly Hit[])[],
): LineFacts[] {
  const stems: string[][] = profile.lines.map(() => []);
  for (const t of profile.tokens) stems[t.line]?.push(t.stem);
  const requirements = profile.lines.map(() => new Set<number>());
  const hitCount = profile.lines.map(() => 0);
  hitsByRequirement.forEach((hits, r) => {
    const kind = job.requirements[r]?.kind;
    if (!kind || IGNORED.has(kind)) return;
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

function isStuffed(block: readonly number[], context: Context): boolean {
  const { profile, job, facts, hitsByRequirement, counted, totalStems } = context;
  const inBlock = new Set(block.flatMap((l) => [...(facts[l]?.requirements ?? [])]));
  if (inBlock.size < 3) return false;
  const stems = block.flatMap((l) => facts[l]?.stems ?? []);
  if (stems.length < MIN_BLOCK_TOKENS) return false;
  const skills = [...inBlock].filter((r) => !SELF_EVIDENT.has(job.requirements[r]?.kind ?? 'skill'));
  // A qualification's official name is the ad's own wording ("CIPD Level 5 Associate Diploma in People
  // Management"): a copied line is stuffing only when it also names skills outright (not merely ones the
  // qualification implies).
  if (
    stems.length >= MIN_COPY_TOKENS &&
    namesSkillOutright(block, skills, hitsByRequirement) &&
    copiedShare(stems, job) >= COPY_RATIO
  )
    return true;
  if (inBlock.size < Math.max(MIN_REQUIREMENTS_IN_BLOCK, Math.ceil(counted * MIN_SHARE_OF_REQUIREMENTS)))
    return false;
  const hits = block.reduce((n, l) => n + (facts[l]?.hitCount ?? 0), 0);
  const prose = readsAsProse(block, profile);
  // A sentence under a dated role is that role's description, the most believable place for a skill.
  if (prose && block.every((l) => isInRole(l, profile))) return false;
  const isTheCv = prose && stems.length >= MOST_OF_THE_CV * totalStems;
  if (hits / stems.length < (isTheCv ? LIST_DENSITY : DENSITY)) return false;
  if (skills.length < MIN_SKILLS_IN_BLOCK) return false;
  const lines = new Set(block);
  const uncorroborated = skills.filter(
    (r) =>
      !(hitsByRequirement[r] ?? []).some(
        (h) => !lines.has(h.line) && h.via !== 'related' && h.strength >= CORROBORATING_STRENGTH,
      ),
  ).length;
  return uncorroborated / skills.length >= UNCORROBORATED_SHARE;
}

function namesSkillOutright(
  block: readonly number[],
  skills: readonly number[],
  hitsByRequirement: readonly (readonly Hit[])[],
): boolean {
  const lines = new Set(block);
  return skills.some((r) =>
    (hitsByRequirement[r] ?? []).some((h) => lines.has(h.line) && h.via !== 'implied' && h.via !== 'related'),
  );
}

function isInRole(line: number, profile: CvProfile): boolean {
  const entry = profile.entries[profile.lineEntry[line] ?? -1];
  return entry?.kind === 'work';
}

function readsAsProse(block: readonly number[], profile: CvProfile): boolean {
  const lines = new Set(block);
  if (profile.yearClaims.some((claim) => lines.has(claim.line))) return true;
  const words = block.flatMap((l) => profile.lines[l]?.text.toLowerCase().match(/[a-z']+/g) ?? []);
  const functionWords = words.filter((w) => isStopWord(w)).length;
  return words.length > 0 && functionWords / words.length >= PROSE_FUNCTION_WORDS;
}

function namesSkill(line: number, { job, facts }: Context): boolean {
  return [...(facts[line]?.requirements ?? [])].some(
    (r) => !SELF_EVIDENT.has(job.requirements[r]?.kind ?? 'skill'),
  );
}

function copiedShare(stems: readonly string[], job: ParsedJob): number {
  const shingles = shinglesOf(stems);
  let copied = 0;
  for (const s of shingles) if (job.shingles.has(s)) copied++;
  return copied / Math.max(1, shingles.size);
}

/** Runs of two or more lines between blank lines or headings. */
function paragraphs(profile: CvProfile): number[][] {
  const out: number[][] = [];
  let current: number[] = [];
  for (const line of profile.lines) {
    if (line.heading || line.text.trim() === '') {
      if (current.length > 1) out.push(current);
      current = [];
    } else current.push(line.index);
  }
  if (current.length > 1) out.push(current);
  return out;
}
