/**
 * A short English stop-word list (function words only). Deliberately not domain-aware: the baselines
 * should be the plain bag-of-words methods the local engine is compared against, not a tuned variant.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against all am an and any are as at be because been before being below between
both but by can could did do does doing down during each etc few for from further had has have having he her
here hers herself him himself his how i if in into is it its itself just let me more most my myself no nor not
now of off on once only or other our ours ourselves out over own per same she should so some such than that the
their theirs them themselves then there these they this those through to too under until up upon us very via was
we were what when where which while who whom why will with would you your yours yourself yourselves shall may
might must also within without across etc eg ie`
    .split(/\s+/)
    .filter((word) => word.length > 0),
);
