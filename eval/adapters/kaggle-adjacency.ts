/**
 * Which Kaggle resume categories are too close to count as clear negatives for each other. A CV of an
 * adjacent category is left out of a job's pairs altogether: it is neither a positive (it was not filed
 * under the job's category) nor a clean "Do not progress" (a recruiter could plausibly consider it).
 *
 * Groups are cliques; a category in several groups is adjacent to the union. Decisions beyond the obvious:
 * - SAP Developer sits with both software and data: the SAP CVs here are mostly BO/BODS/HANA (BI and ETL)
 *   work with some ABAP.
 * - Blockchain sits with software: its CVs are web/back-end developers with a Solidity/Ethereum layer.
 * - Automation Testing is adjacent to Java and Python Developer (Selenium suites are written in them), but
 *   manual Testing is not.
 * - Mechanical, Civil and Electrical Engineering are adjacent: shared core-engineering training (AutoCAD,
 *   site, maintenance, project engineering) means a recruiter might consider a cross-discipline CV for
 *   plant or project roles, so none is a clean negative for another.
 * - Arts is adjacent to Web Designing (visual design overlap); Sales to Operations Manager (commercial
 *   operations CVs cover both).
 * - HR, Advocate and Health and fitness are adjacent to nothing.
 */
export const ADJACENT_GROUPS: readonly (readonly string[])[] = [
  ['Java Developer', 'DotNet Developer', 'Python Developer', 'Web Designing', 'SAP Developer', 'Blockchain'],
  ['Hadoop', 'ETL Developer', 'Database', 'Data Science', 'Python Developer', 'SAP Developer'],
  ['Testing', 'Automation Testing'],
  ['Automation Testing', 'Java Developer', 'Python Developer'],
  ['DevOps Engineer', 'Network Security Engineer'],
  ['Business Analyst', 'PMO', 'Operations Manager'],
  ['Sales', 'Operations Manager'],
  ['Mechanical Engineer', 'Civil Engineer', 'Electrical Engineering'],
  ['Arts', 'Web Designing'],
];

/** The categories adjacent to `category` (never including itself). */
export function adjacentCategories(category: string): Set<string> {
  const adjacent = new Set<string>();
  for (const group of ADJACENT_GROUPS) {
    if (!group.includes(category)) continue;
    for (const other of group) if (other !== category) adjacent.add(other);
  }
  return adjacent;
}

export function categorySlug(category: string): string {
  return category
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
