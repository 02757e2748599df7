/** Contact details carry names and locations; none of them is evidence of fit. */
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
const URL = /\b(?:https?:\/\/|www\.)\S+|\b(?:linkedin|github|gitlab|behance|dribbble)\.com\/\S*/gi;
const PHONE = /(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,5}\)[\s.-]?)?\d{2,6}(?:[\s.-]\d{2,6}){1,4}\b/g;
const UK_POSTCODE = /\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b/g;

export function stripContactDetails(line: string): string {
  // Every contact detail has a digit, an "@" or a link; most lines have none and are returned at once.
  let out = line;
  if (out.includes('@')) out = out.replace(EMAIL, ' ');
  if (/www\.|https?:|\.com\//i.test(out)) out = out.replace(URL, ' ');
  if (/\d/.test(out)) {
    out = out.replace(UK_POSTCODE, ' ').replace(PHONE, (match) => (looksLikePhone(match) ? ' ' : match));
  }
  return out;
}

/** Date ranges ("2016 - 2019", "03/2019 - 06/2021") must survive: a phone has 9+ digits. */
function looksLikePhone(candidate: string): boolean {
  const digits = candidate.replace(/\D/g, '');
  return digits.length >= 9 && digits.length <= 15 && !/^(?:19|20)\d{2}(?:19|20)\d{2}$/.test(digits);
}

/** A line that held only contact details (now blank apart from separators) is dropped. */
export function isOnlySeparators(line: string): boolean {
  return /^[\s|•·,;:/\\\-–—()[\]]*$/.test(line);
}
