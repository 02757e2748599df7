import type { CvLine } from '../cv/cv-lines.ts';
import type { CvEntry } from '../cv/entries.ts';
import type { RequirementKind } from '../jobspec/types.ts';

/**
 * How much a mention proves, by where it stands: used in a dated role with results is strong; in a
 * project, medium; only in a skills list, weak. Certifications and languages are proven by being listed.
 */
export function locationStrength(line: CvLine, entry: CvEntry | undefined, kind: RequirementKind): number {
  if (kind === 'certification') return line.section === 'other' ? 0.8 : 1;
  if (kind === 'language') return line.section === 'languages' || line.section === 'skills' ? 1 : 0.8;
  if (entry?.kind === 'work') return entry.hasOutcome ? 1 : 0.9;
  if (entry?.kind === 'project') return 0.8;
  switch (line.section) {
    case 'experience':
      return 0.85;
    case 'projects':
      return 0.8;
    case 'summary':
    case 'none':
      return 0.75;
    case 'certifications':
      return 0.8;
    case 'education':
      return kind === 'knowledge' || kind === 'phrase' ? 0.75 : 0.65;
    case 'skills':
      return 0.6;
    case 'languages':
      return 0.5;
    default:
      return 0.4;
  }
}

export type Strength = 'strong' | 'medium' | 'weak';

export function strengthBand(value: number): Strength {
  if (value >= 0.9) return 'strong';
  if (value >= 0.7) return 'medium';
  return 'weak';
}
