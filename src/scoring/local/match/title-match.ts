import type { CvEntry } from '../cv/entries.ts';
import type { CvProfile } from '../cv/profile.ts';
import { ROLE_HEAD_WORDS, roleWordsOf, SENIORITY_WORDS } from '../cv/role-words.ts';
import type { ParsedJob } from '../jobspec/types.ts';
import type { Taxonomy } from '../taxonomy/types.ts';
import { contentStems, phraseKey, stemWord } from '../text/tokenize.ts';

const ROLE_STEMS = new Set([...ROLE_HEAD_WORDS].map(stemWord));
const SENIORITY_STEMS = new Set(Object.keys(SENIORITY_WORDS).map(stemWord));

export interface TitleMatch {
  /** 0–1: how closely the candidate's roles match the advertised one. */
  readonly similarity: number;
  readonly entry: CvEntry | undefined;
  /** Every role held that is the advertised role or close to it. */
  readonly sameRoleEntries: readonly CvEntry[];
}

/** A role this close to the advertised one is the same job for counting years. */
const SAME_ROLE = 0.5;

/**
 * The advertised role against the roles held: the same occupation in the taxonomy or the same role noun
 * ("nurse", "developer") with its qualifiers counts; older roles count a little less than recent ones.
 */
/** A CV without dated roles that still names the role ("Sales Manager with 6 years…") earns this much. */
const NAMED_ROLE_SIMILARITY = 0.7;

export function matchTitle(job: ParsedJob, profile: CvProfile, taxonomy: Taxonomy): TitleMatch {
  if (!job.title || job.titleStems.length === 0)
    return { similarity: 0, entry: undefined, sameRoleEntries: [] };
  const byEntries = matchTitleToEntries(job, profile.entries, taxonomy);
  if (byEntries.similarity >= NAMED_ROLE_SIMILARITY) return byEntries;
  return namesRole(job, profile) ? { ...byEntries, similarity: NAMED_ROLE_SIMILARITY } : byEntries;
}

/** The role's words (without seniority) together on one line anywhere: the CV names the role it has held. */
function namesRole(job: ParsedJob, profile: CvProfile): boolean {
  const wanted = job.titleStems.filter((s) => !SENIORITY_STEMS.has(s));
  if (wanted.length === 0 || !wanted.some((s) => ROLE_STEMS.has(s))) return false;
  const byLine = new Map<number, Set<string>>();
  for (const t of profile.tokens) {
    const set = byLine.get(t.line) ?? new Set<string>();
    set.add(t.stem);
    byLine.set(t.line, set);
  }
  const jobRoleWords = roleWordsOf(job.title ?? '');
  for (const [line, stems] of byLine) {
    if (!wanted.every((s) => stems.has(s))) continue;
    const lineRoleWords = roleWordsOf(profile.lines[line]?.text ?? '');
    if (jobRoleWords.size === 0 || [...jobRoleWords].some((w) => lineRoleWords.has(w))) return true;
  }
  return false;
}

function matchTitleToEntries(job: ParsedJob, entries: readonly CvEntry[], taxonomy: Taxonomy): TitleMatch {
  const jobOccupations = new Set(taxonomy.titleOccupations(phraseKey(job.title ?? '')) ?? []);
  const work = entries.filter((e) => e.kind === 'work' && e.title).sort((a, b) => b.range.end - a.range.end);
  let best: { similarity: number; entry: CvEntry | undefined } = { similarity: 0, entry: undefined };
  const sameRoleEntries: CvEntry[] = [];
  const jobRoleWords = roleWordsOf(job.title ?? '');
  work.forEach((entry, rank) => {
    const raw = titleSimilarity(jobRoleWords, job.titleStems, jobOccupations, entry.title ?? '', taxonomy);
    if (raw >= SAME_ROLE) sameRoleEntries.push(entry);
    const similarity = raw * (rank === 0 ? 1 : 0.85);
    if (similarity > best.similarity) best = { similarity, entry };
  });
  return { ...best, sameRoleEntries };
}

function titleSimilarity(
  jobRoleWords: ReadonlySet<string>,
  jobStems: readonly string[],
  jobOccupations: ReadonlySet<number>,
  title: string,
  taxonomy: Taxonomy,
): number {
  const stems = new Set(contentStems(title));
  const jobRoles = jobStems.filter((s) => ROLE_STEMS.has(s));
  const titleRoleWords = roleWordsOf(title);
  // Role nouns compare as words, not stems: "Accounts Assistant" is no "Management Accountant".
  const roleShared =
    jobRoleWords.size > 0
      ? [...jobRoleWords].some((w) => titleRoleWords.has(w))
      : jobRoles.some((s) => stems.has(s));
  const shared = jobStems.filter((s) => stems.has(s)).length / jobStems.length;
  const occupations = taxonomy.titleOccupations(phraseKey(title)) ?? [];
  const sameOccupation = occupations.some((o) => jobOccupations.has(o));
  if (sameOccupation) return Math.max(0.9, shared);
  if (!roleShared) return shared * 0.4;
  return 0.5 + 0.5 * shared;
}
