/** CV documents with known facts, as PDF and DOCX bytes, for the extraction and `aptly screen` tests. */
import { writeDocx } from './docx-writer.ts';
import { column, type PdfText, writePdf } from './pdf-writer.ts';

/** Facts every extraction must carry: a name, a skill, dates and a degree. */
export const CV_FACTS = {
  name: 'Priya Natarajan',
  skill: 'PostgreSQL',
  dates: 'Jan 2019 - Present',
  degree: 'BSc Computer Science',
} as const;

export const CV_LINES = [
  CV_FACTS.name,
  'priya.natarajan@example.com',
  'Experience',
  `Senior Backend Engineer, Brightpay Ltd, ${CV_FACTS.dates}`,
  '- Designed and operated public REST APIs in Node.js and TypeScript.',
  `- Designed ${CV_FACTS.skill} schemas and tuned slow queries.`,
  '- Deployed services to AWS with Docker; ran Kubernetes clusters provisioned with Terraform.',
  'Backend Developer, Cloudline, Mar 2013 - Dec 2018',
  '- Built REST APIs with Node.js, Express and PostgreSQL.',
  'Education',
  `${CV_FACTS.degree}, University of Leeds, 2012`,
  'Skills',
  'Node.js, TypeScript, PostgreSQL, REST, AWS, Docker, Kafka',
] as const;

export function cvPdf(): Uint8Array {
  return writePdf([{ kind: 'text', lines: column(56, 740, CV_LINES) }]);
}

export function cvDocx(): Uint8Array {
  return writeDocx(CV_LINES.map((l) => (['Experience', 'Education', 'Skills'].includes(l) ? `# ${l}` : l)));
}

/** The main column: roles with their dates. */
export const MAIN_COLUMN = [
  'Experience',
  'Senior Backend Engineer, Brightpay Ltd',
  'Jan 2019 - Present',
  '- Designed PostgreSQL schemas and REST APIs.',
  'Backend Developer, Cloudline',
  'Mar 2013 - Dec 2018',
  '- Built Node.js services on AWS.',
] as const;

/** The sidebar: skills and education, on rows of its own height. */
export const SIDEBAR = [
  'Skills',
  'TypeScript',
  'Kubernetes',
  'Terraform',
  'Education',
  'BSc Computer Science',
  'University of Leeds, 2012',
  'Languages',
  'English, Tamil',
] as const;

/**
 * A two-column CV drawn row by row (sidebar and main column interleaved in the content stream), as
 * some generators do: the hard case for reading order. A full-width name heads the page.
 */
export function twoColumnPdf(): Uint8Array {
  const header: PdfText[] = [
    { x: 56, y: 760, text: `${CV_FACTS.name}  |  priya.natarajan@example.com  |  London`, size: 14 },
  ];
  const sidebar = column(56, 720, SIDEBAR).map((l) => ({ ...l, size: 10 }));
  const main = MAIN_COLUMN.map((text, i) => ({ x: 230, y: 720 - i * 19, text }));
  const interleaved: PdfText[] = [];
  for (let i = 0; i < Math.max(sidebar.length, main.length); i++) {
    const s = sidebar[i];
    const m = main[i];
    if (s) interleaved.push(s);
    if (m) interleaved.push(m);
  }
  return writePdf([{ kind: 'text', lines: [...header, ...interleaved] }]);
}

export function scannedPdf(): Uint8Array {
  return writePdf([{ kind: 'image' }, { kind: 'image' }]);
}

export function passwordProtectedPdf(): Uint8Array {
  return writePdf([{ kind: 'text', lines: column(56, 740, CV_LINES) }], { passwordProtected: true });
}

/** A PDF cut off half-way, as an interrupted download leaves it. */
export function truncatedPdf(): Uint8Array {
  const whole = cvPdf();
  return whole.subarray(0, Math.floor(whole.length / 3));
}
