/**
 * Is a CV written in English? Counts English function words against those of the languages CVs most often
 * arrive in. Technology names are English everywhere, so function words, not vocabulary, decide.
 */
const ENGLISH = new Set(
  'the and of to in for with on at as by from is was were are have has been this that which a an my our i we their or'.split(
    ' ',
  ),
);
const OTHER = new Set(
  (
    'le la les des du et est une un dans pour avec sur au aux par je mon mes nous été ' +
    'der die das und ist mit für von bei als ich zu den im dem ein eine einer auf wurde ' +
    'el los las y con para por una del en como años experiencia desde ' +
    'il lo gli della delle di che con per sono anni esperienza ' +
    'o os as e um uma do da dos das em na no com para anos experiência ' +
    'het een van en met voor op zijn ik bij ' +
    'i w z na do się oraz jest dla od przez lat'
  ).split(' '),
);

/** `words`: the text's opening words in lower case (its first few hundred decide). */
export function isNonEnglish(text: string, words: readonly string[]): boolean {
  if (words.length < 30) return false;
  const nonLatin = /[\u0370-\uffff]/.test(text)
    ? words.filter((w) => /[^\p{Script=Latin}]/u.test(w)).length
    : 0;
  if (nonLatin / words.length > 0.3) return true;
  let english = 0;
  let other = 0;
  for (const w of words) {
    if (ENGLISH.has(w)) english++;
    else if (OTHER.has(w)) other++;
  }
  return other > english * 1.5 && other / words.length > 0.05;
}
