import { headingKind, inlineHeading, type SectionKind } from './section-headings.ts';

export interface CvLine {
  readonly index: number;
  readonly text: string;
  /** Offset of the line in the prepared CV text. */
  readonly start: number;
  readonly section: SectionKind;
  readonly heading: boolean;
  readonly bullet: boolean;
}

/** Splits prepared CV text into lines and gives each the section it sits in. */
export function readCvLines(text: string): CvLine[] {
  const lines: CvLine[] = [];
  let section: SectionKind = 'none';
  let offset = 0;
  text.split('\n').forEach((raw, index) => {
    const start = offset;
    offset += raw.length + 1;
    const heading = headingKind(raw);
    if (heading) {
      section = heading;
      lines.push({ index, text: raw, start, section, heading: true, bullet: false });
      return;
    }
    const inline = inlineHeading(raw);
    lines.push({
      index,
      text: raw,
      start,
      section: inline?.kind ?? section,
      heading: false,
      bullet: raw.startsWith('- '),
    });
  });
  return lines;
}
