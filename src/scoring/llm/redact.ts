import { LIMITS } from '../../domain/limits.ts';
import { prepareCv } from '../local/prepare/prepare-cv.ts';

/**
 * What leaves the machine. With redaction on (the default), the CV goes through the local engine's own
 * gate (prepare-cv.ts: the name wherever it recurs, contact lines, addresses, dates of birth, age,
 * nationality, marital status, pronouns, photo lines, identity networks, injected instructions), then a
 * last sweep replaces any email, link or phone number that survived inside prose with [redacted].
 * APTLY_LLM_REDACT=0 sends the CV as submitted (its first 10,000 characters).
 */
export function textForProvider(cv: string, redact: boolean): string {
  if (!redact) return cv.slice(0, LIMITS.cvCharactersScored);
  return sweep(prepareCv(cv).text);
}

const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
const LINK = /\b(?:https?:\/\/|www\.)\S+|\b[\w-]+\.(?:com|io|me|dev|net|org|co\.uk)\/\S*/gi;
/** 9 to 15 digits with the usual separators: years and date ranges have fewer digits per run. */
const PHONE = /(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,5}\)[\s.-]?)?\d{2,6}(?:[\s.-]?\d{2,6}){1,4}/g;
/** A birth date inside prose (a labelled "Date of birth:" line is already gone); other dates stay. */
const DATE_OF_BIRTH = /\b(?:born|birth|d\.?o\.?b\.?)\b[^\n\d]{0,20}\d{1,4}[/.\s-]+\w{1,9}[/.\s-]+\d{2,4}/gi;

function sweep(text: string): string {
  return text
    .replace(EMAIL, '[redacted]')
    .replace(LINK, '[redacted]')
    .replace(DATE_OF_BIRTH, '[redacted]')
    .replace(PHONE, (match) => {
      const digits = match.replace(/\D/g, '').length;
      return digits >= 9 && digits <= 15 && !/^(?:19|20)\d{2}\D+(?:19|20)\d{2}$/.test(match.trim())
        ? '[redacted]'
        : match;
    });
}
