import { ROLE_HEAD_WORDS } from '../cv/role-words.ts';
import { specHeadingRole } from './spec-sections.ts';

const LABELLED = /^\s*(?:job\s+title|position|role|vacancy|post|title|job)\s*[:\-–]\s*(.+)$/i;
const HIRING =
  /\b(?:hiring|looking\s+for|seeking|recruiting|recruit|need|require)\s+(?:an?|our\s+next|a\s+new|an\s+experienced|experienced)\s+(.{3,80})/i;

function hasRoleWord(text: string): boolean {
  return text
    .toLowerCase()
    .split(/[^a-z]+/)
    .some((w) => ROLE_HEAD_WORDS.has(w) || ROLE_HEAD_WORDS.has(w.replace(/s$/, '')));
}

/** The part of a title line that names the role: "Staff Nurse – ICU (Band 5) | London" → "Staff Nurse – ICU". */
function trimTitle(text: string): string {
  const segments = text
    .split(/\s*(?:\||\(|,|\s-\s|\s–\s|\s—\s)\s*|\s+(?:with|for|to|in|at)\s+(?=\S)/i)
    .filter(Boolean);
  const withRole = segments.find(hasRoleWord) ?? segments[0] ?? text;
  return withRole.replace(/[.:;!]+$/, '').trim();
}

/** Up to the role noun: "a Senior Python Developer with 5+ years" → "Senior Python Developer". */
function upToRoleWord(text: string): string | undefined {
  const words = text.split(/\s+/);
  for (let i = 0; i < Math.min(words.length, 8); i++) {
    const w = (words[i] ?? '').toLowerCase().replace(/[^a-z]/g, '');
    if (ROLE_HEAD_WORDS.has(w) || ROLE_HEAD_WORDS.has(w.replace(/s$/, '')))
      return words.slice(0, i + 1).join(' ');
  }
  return undefined;
}

export interface JobTitle {
  readonly title: string;
  /** Index of the line that holds only the title (not a requirement source), if any. */
  readonly line: number | undefined;
}

export function findJobTitle(lines: readonly string[]): JobTitle | undefined {
  for (let i = 0; i < Math.min(lines.length, 12); i++) {
    const m = LABELLED.exec(lines[i] ?? '');
    if (m?.[1] && hasRoleWord(m[1])) return { title: trimTitle(m[1]), line: i };
  }
  const firstIndex = lines.findIndex((l) => l.trim() !== '');
  const first = lines[firstIndex]?.trim() ?? '';
  if (
    first &&
    first.split(/\s+/).length <= 12 &&
    !/[.!?]$/.test(first) &&
    specHeadingRole(first) === undefined &&
    hasRoleWord(first)
  ) {
    return { title: trimTitle(first), line: firstIndex };
  }
  // A short Title Case opening line is the role even without a role noun ("Machine Learning Engineering").
  if (
    first &&
    first.split(/\s+/).length <= 6 &&
    isTitleCase(first) &&
    specHeadingRole(first) === undefined &&
    !/[.!?:]$/.test(first)
  ) {
    return { title: trimTitle(first), line: firstIndex };
  }
  for (const line of lines.slice(0, 6)) {
    const hire = HIRING.exec(line);
    const title = hire?.[1] ? upToRoleWord(hire[1]) : undefined;
    if (title) return { title, line: undefined };
    const lead = upToRoleWord(line.trim());
    if (lead && lead.split(/\s+/).length <= 5 && /^[A-Z]/.test(lead)) return { title: lead, line: undefined };
  }
  return undefined;
}

function isTitleCase(text: string): boolean {
  const words = text.split(/\s+/).filter((w) => w.length > 3);
  return words.length > 0 && words.every((w) => /^[\p{Lu}\d]/u.test(w));
}
