/** A job spec and CV files for the `aptly screen` end-to-end tests, written into a temporary folder. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cvDocx, cvPdf, scannedPdf, twoColumnPdf } from '../support/documents/cv-documents.ts';

const SPEC = `Backend Engineer

Essential requirements
- At least 5 years of professional experience building backend services.
- Strong experience with Node.js and TypeScript.
- PostgreSQL, including schema design and query tuning.
- Designing and operating REST APIs.
- Deploying to AWS with Docker.

Desirable
- Kubernetes and Terraform.
- Kafka or RabbitMQ.
`;

const STRONG = `Alex Morgan
alex.morgan@example.com

Summary
Senior backend engineer with 9 years of experience building Node.js and TypeScript services.

Experience
Senior Backend Engineer, Brightpay Ltd, Jan 2019 – Present
- Designed and operated public REST APIs in Node.js and TypeScript serving 4 million requests a day.
- Designed PostgreSQL schemas and tuned slow queries, cutting p99 latency by 60%.
- Deployed services to AWS (ECS, RDS) with Docker; ran Kubernetes clusters provisioned with Terraform.
- Built event-driven payment pipelines on Kafka.

Backend Developer, Cloudline, Mar 2015 – Dec 2018
- Built REST APIs with Node.js, Express and PostgreSQL.
- Containerised services with Docker and deployed them to AWS.

Education
BSc Computer Science, University of Leeds, 2014

Skills
Node.js, TypeScript, PostgreSQL, REST, AWS, Docker, Kubernetes, Terraform, Kafka
`;

const WEAK = `Sam Lee
sam.lee@example.com

Experience
Junior Web Developer, Pixel Studio, Sep 2024 – Present
- Built landing pages in HTML, CSS and a little JavaScript.
- Fixed layout bugs in WordPress themes.

Education
Web development bootcamp, 2024

Skills
HTML, CSS, JavaScript, WordPress
`;

const UNRELATED = `Jordan Price
jordan.price@example.com

Experience
Head Chef, The Old Mill Restaurant, Apr 2016 – Present
- Ran a kitchen brigade of 12 and designed seasonal menus.
- Managed stock, suppliers and food-safety audits (HACCP).

Sous Chef, Riverside Hotel, 2011 – 2016
- Prepared banquets for up to 300 guests.

Qualifications
Level 3 Food Hygiene Certificate
`;

export interface ScreenFixture {
  readonly root: string;
  readonly spec: string;
  readonly cvDir: string;
  /** The scorable CVs, by candidate_ref. */
  readonly cvs: { readonly strong: string; readonly weak: string; readonly unrelated: string };
  /** Not a PDF inside: unreadable. */
  readonly pdf: string;
  readonly blank: string;
  /** Real documents with text, in a subfolder: candidate_refs priya (PDF), priya-docx (DOCX), two-column (PDF). */
  readonly documents: { readonly pdf: string; readonly docx: string; readonly twoColumn: string };
  /** An image-only PDF, as a scanner makes: no extractable text. */
  readonly scan: string;
  /** A file of a type screen does not read, skipped when found in a directory. */
  readonly unsupported: string;
}

/** The spec sits outside the CV folder so the folder can be passed as a directory argument. */
export function writeScreenFixture(): ScreenFixture {
  const root = mkdtempSync(join(tmpdir(), 'aptly-screen-'));
  const cvDir = join(root, 'cvs');
  mkdirSync(cvDir);
  mkdirSync(join(cvDir, 'documents'));
  const file = (name: string, content: string | Uint8Array) => {
    const path = join(cvDir, name);
    writeFileSync(path, content);
    return path;
  };
  const spec = join(root, 'job.txt');
  writeFileSync(spec, SPEC);
  return {
    root,
    spec,
    cvDir,
    cvs: {
      strong: file('strong.txt', STRONG),
      weak: file('weak.md', WEAK),
      unrelated: file('unrelated.txt', UNRELATED),
    },
    pdf: file('scanned.pdf', Buffer.from('%PDF-1.4\n\u0000\u00ff junk \u0001\u0002 not really a pdf')),
    blank: file('blank.txt', ' \n\n\t \n'),
    documents: {
      pdf: file('documents/priya.pdf', cvPdf()),
      docx: file('documents/priya-docx.docx', cvDocx()),
      twoColumn: file('documents/two-column.pdf', twoColumnPdf()),
    },
    scan: file('documents/scan.pdf', scannedPdf()),
    unsupported: file('documents/notes.odt', 'not read'),
  };
}
