/**
 * English function words removed before phrase matching. Kept short on purpose: words that can be
 * part of a skill ("it", "go", "r", "c", "us", "on") are not here; case-sensitive aliases decide those.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also am an and any are as at be because been before being below
  between both but by can could did do does doing down during each etc every few for from further had has
  have having he her here hers herself him himself his how i if in into is its itself just me more most
  my myself no nor not of off on once only or other ought our ours ourselves out over own same shall she
  should so some such than that the their theirs them themselves then there these they this those through
  to too under until up very was we were what when where which while who whom why will with would you
  your yours yourself yourselves via per e.g i.e eg ie within across including include includes etc.
  well strong good excellent proven solid demonstrable demonstrated ability able knowledge understanding
  experience experienced years year yrs yr plus least minimum min ideally preferably working work
  familiarity familiar proficiency proficient skills skill skilled using use used hands-on hands
  background track record exposure expertise we're we'll we've you're you'll you've
  you'd we'd it's i'm i've i'd don't doesn't isn't aren't won't can't let's there's that's who's what's`
    .split(/\s+/)
    .filter(Boolean),
);

/** Stop words that carry no content but are needed to read requirement wording (kept out of STOP_WORDS). */
export function isStopWord(lower: string): boolean {
  return STOP_WORDS.has(lower);
}
