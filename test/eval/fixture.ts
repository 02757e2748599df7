import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll } from 'vitest';

const created: string[] = [];
// Registered in the root suite of every test file that imports this module.
afterAll(() => {
  for (const root of created.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** Writes files (relative path → content) under a fresh temporary directory and returns it. */
export function writeTree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'aptly-eval-'));
  created.push(root);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

export const PYTHON_JOB =
  'Senior Python Developer. Essential: 5+ years building back-end services in Python with Django and ' +
  'PostgreSQL, REST API design, automated testing with pytest. Desirable: AWS, Docker, Celery.';
export const CHEF_JOB =
  'Head Chef for a busy restaurant kitchen. Essential: menu planning, food safety and hygiene, managing ' +
  'kitchen staff, stock control and ordering. Desirable: pastry skills, catering for events.';
export const NURSE_JOB =
  'Staff Nurse, intensive care unit. Essential: registered nurse, critical care experience, ventilated ' +
  'patients, medication administration, patient monitoring. Desirable: advanced life support.';

export const PYTHON_CV =
  'Python developer, 7 years. Built Django REST APIs on PostgreSQL, wrote pytest suites, deployed with ' +
  'Docker on AWS, background jobs with Celery.';
export const JUNIOR_PYTHON_CV =
  'Graduate developer. Some Python scripting and SQL at university; learning Django.';
export const CHEF_CV =
  'Head chef with 10 years in restaurant kitchens: menu planning, food safety and hygiene audits, led ' +
  'kitchen staff of 12, stock control and supplier ordering, event catering.';
export const COMMIS_CV = 'Commis chef, 1 year: food preparation and kitchen hygiene, assisting with stock.';
export const NURSE_CV =
  'Registered nurse, 6 years in critical care: ventilated patients, medication administration, patient ' +
  'monitoring, advanced life support certified.';
export const CARE_CV = 'Healthcare assistant on a medical ward, patient monitoring and personal care.';
export const DRIVER_CV =
  'HGV class 1 driver, 12 years of long-haul deliveries, tachograph and load securing.';

/**
 * Three jobs, shared CVs in cvs/ plus one job-specific CV folder, grades on most rows. Each job has a
 * strong, a borderline and a reject candidate, so every metric is defined.
 */
export function writeTinyDataset(): string {
  return writeTree({
    'jobs/python-dev.txt': PYTHON_JOB,
    'jobs/head-chef.txt': CHEF_JOB,
    'jobs/icu-nurse.txt': NURSE_JOB,
    'cvs/python.txt': PYTHON_CV,
    'cvs/junior-python.txt': JUNIOR_PYTHON_CV,
    'cvs/chef.txt': CHEF_CV,
    'cvs/commis.txt': COMMIS_CV,
    'cvs/driver.txt': DRIVER_CV,
    'cvs/icu-nurse/nurse.txt': NURSE_CV,
    'cvs/icu-nurse/care.txt': CARE_CV,
    'meta.json': '{"asOf": "2025-06-30"}',
    'labels.csv': [
      'job_id,cv_id,label,grade',
      'python-dev,python,strong,90',
      'python-dev,junior-python,borderline,55',
      'python-dev,chef,reject,5',
      'python-dev,driver,reject,',
      'head-chef,chef,strong,92',
      'head-chef,commis,borderline,50',
      'head-chef,python,reject,3',
      'icu-nurse,nurse,strong,88',
      'icu-nurse,care,borderline,52',
      'icu-nurse,driver,reject,2',
    ].join('\n'),
  });
}
