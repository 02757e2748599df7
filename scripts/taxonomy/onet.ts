/**
 * O*NET 29.3: Technology Skills → technology concepts, Tools Used → tool concepts, occupation titles.
 */
import { join } from 'node:path';
import { trailingAcronym } from './acronym.ts';
import type { English } from './english.ts';
import { field, readTsv } from './io.ts';
import { type AliasCandidate, alias, type DraftRegistry } from './model.ts';
import { compare, type TitleRegistry } from './titles.ts';

/** Vendor prefixes stripped from product names ("Autodesk AutoCAD" → "AutoCAD"). Longest first. */
const VENDORS = [
  'Amazon Web Services AWS',
  'Amazon Web Services',
  'The MathWorks',
  'Thomson Reuters',
  'Wolters Kluwer',
  'Hewlett-Packard',
  'Hewlett Packard',
  'Red Hat',
  'Mentor Graphics',
  'Epic Systems',
  'Dassault Systemes',
  'Manhattan Associates',
  'Bentley Systems',
  'Thermo Fisher Scientific',
  'Oracle',
  'Microsoft',
  'IBM',
  'Adobe',
  'Autodesk',
  'Apple',
  'Google',
  'Apache',
  'Amazon',
  'Atlassian',
  'Intuit',
  'Cisco',
  'Citrix',
  'Corel',
  'Siemens',
  'ESRI',
  'Bentley',
  'Trimble',
  'Cerner',
  'Infor',
  'Deltek',
  'Kronos',
  'Dassault',
  'Honeywell',
  'Emerson',
  'Rockwell',
  'Symantec',
  'McAfee',
  'Novell',
  'Mozilla',
  'VMWare',
  'VMware',
  'Teradata',
  'TIBCO',
  'Tibco',
  'Talend',
  'Informatica',
  'Qlik',
  'Blackbaud',
  'Ellucian',
  'Epicor',
  'Zoho',
  'Xerox',
  'Avid',
  'MAGIX',
  'TechSmith',
  'JetBrains',
  'Embarcadero',
  'Borland',
  'Perforce',
  'SmartBear',
  'Nuance',
  'Cadence',
  'Synopsys',
  'Xilinx',
  'Altera',
  'Agilent',
  'Keysight',
  'PerkinElmer',
  'Bruker',
  'Wolfram',
  'Maplesoft',
  'Palisade',
  'Hyland',
  'LexisNexis',
  'Elsevier',
  'EBSCO',
  'Experian',
  'Equifax',
  'Fiserv',
  'McKesson',
  'Allscripts',
  'Intergraph',
  'Hexagon',
  'Leica',
  'Schlumberger',
  'Halliburton',
  'PTC',
  'Kewill',
  'JDA',
  'Sabre',
  'Aptean',
  'QAD',
  'ADP',
  'Sage',
  'SAP',
  'SAS',
  'Facebook',
  'Salesforce',
  'Workday',
  'ServiceNow',
  'Splunk',
  'Ansys',
  'ANSYS',
];

/** One-word product names that CVs use without the vendor although they are English words. */
const BARE_PRODUCT_NAMES = new Set([
  'excel',
  'outlook',
  'windows',
  'photoshop',
  'illustrator',
  'acrobat',
  'java',
  'spark',
  'hive',
  'airflow',
  'tomcat',
  'kafka',
]);

/** Bare product names too common as English words to stand alone even case-sensitively ("Word"). */
const UNSAFE_PRODUCT_NAMES = new Set([
  'word',
  'access',
  'project',
  'publisher',
  'paint',
  'notes',
  'teams',
  'office',
  'dynamics',
  'forms',
  'flow',
  'lists',
  'planner',
  'stream',
  'edge',
  'works',
  'money',
  'photos',
  'maps',
  'sheets',
  'docs',
  'drive',
  'mail',
  'calendar',
  'keep',
  'sites',
  'analytics',
  'database',
  'server',
  'designer',
  'connect',
  'live',
  'messenger',
  'pages',
  'numbers',
  'keynote',
  'contacts',
  'reminders',
  'workspace',
  'erp',
  'crm',
  'hr',
  'hcm',
  'bi',
  'cad',
  'cam',
  'gis',
  'plm',
  'scm',
  'mrp',
  'wms',
  'pos',
  'lms',
  'ehr',
  'emr',
  'ecm',
  'dms',
  'cloud',
  'sql',
  'suite',
  'enterprise',
  'professional',
  'standard',
]);

export interface TechnologyNames {
  readonly label: string;
  readonly surfaces: readonly string[];
}

/**
 * Display label and aliases of an O*NET Technology Skills example: vendor and the word "software"
 * stripped ("Intuit QuickBooks" → "QuickBooks"), an embedded acronym split out
 * ("Structured query language SQL" → "SQL", "Structured query language").
 */
export function technologyNames(example: string, english: English): TechnologyNames {
  const words = example.trim().split(/\s+/);
  const hadSoftware = words.length > 1 && words[words.length - 1]?.toLowerCase() === 'software';
  const base = hadSoftware ? words.slice(0, -1) : words;
  const vendor = VENDORS.find((v) => {
    const vw = v.split(' ');
    return base.length > vw.length && vw.every((w, i) => base[i] === w);
  });
  const product = vendor === undefined ? base : base.slice(vendor.split(' ').length);
  const surfaces = new Set<string>([example, base.join(' ')]);
  const productName = product.join(' ');
  const lowerProduct = productName.toLowerCase();
  // A bare one-word product name that is an English word ("Meet", "Vision", "Exchange") would match ordinary
  // prose even case-sensitively, except for a few names CVs use bare ("Excel", "Outlook", "Windows").
  const safeProduct =
    product.length > 1 ||
    (!UNSAFE_PRODUCT_NAMES.has(lowerProduct) &&
      (!english.isWord(lowerProduct) || BARE_PRODUCT_NAMES.has(lowerProduct)));
  if (vendor !== undefined && safeProduct) surfaces.add(productName);

  const acronym = trailingAcronym(product) ?? trailingAcronym(base);
  let label: string;
  if (acronym !== undefined) {
    surfaces.add(acronym.short);
    surfaces.add(acronym.long);
    const longWords = acronym.long.split(/\s+/);
    const category = longWords.slice(1).every((w) => w === w.toLowerCase());
    label = category && hadSoftware ? `${acronym.short} software` : acronym.short;
    if (category && hadSoftware) surfaces.add(`${acronym.long} software`);
  } else if (vendor !== undefined && safeProduct && !isCommonSingle(productName, english)) {
    label = productName;
  } else if (hadSoftware && hasProperName(base, english)) {
    label = base.join(' ');
  } else {
    label = example;
  }
  surfaces.add(label);
  return { label, surfaces: [...surfaces] };
}

function isCommonSingle(name: string, english: English): boolean {
  return !/\s/.test(name) && english.isCommon(name.toLowerCase());
}

/** "Salesforce software", "MEDITECH software" (names unattested in English), unlike "Spreadsheet software". */
function hasProperName(words: readonly string[], english: English): boolean {
  return words.some(
    (w, i) =>
      /^.+\p{Lu}/u.test(w) ||
      /\d/.test(w) ||
      (i > 0 && /^\p{Lu}/u.test(w)) ||
      english.count(w.toLowerCase()) === 0,
  );
}

export interface OnetTechnologyStats {
  rows: number;
  examples: number;
  vendorStripped: number;
}

export function addOnetTechnology(
  dir: string,
  registry: DraftRegistry,
  english: English,
): OnetTechnologyStats {
  const rows = readTsv(join(dir, 'Technology Skills.txt'));
  const groups = new Map<string, Set<string>>();
  for (const r of rows) {
    const example = field(r, 'Example').trim();
    if (example.length === 0) continue;
    const set = groups.get(example) ?? new Set<string>();
    set.add(field(r, 'Commodity Title'));
    groups.set(example, set);
  }
  const stats: OnetTechnologyStats = { rows: rows.length, examples: groups.size, vendorStripped: 0 };
  for (const example of [...groups.keys()].sort(compare)) {
    const names = technologyNames(example, english);
    if (names.label !== example) stats.vendorStripped += 1;
    // "Payroll software" is sentence case, "Salesforce software" a name: only names keep their casing.
    const words = example.split(/\s+/);
    const category =
      words[words.length - 1]?.toLowerCase() === 'software' && !hasProperName(words.slice(0, -1), english);
    const casingMeaningful = !category;
    // Long full names ("Microsoft Office Project Server ...") stay only as the display label.
    // A category ("Scheduling software") is named only in full: its bare noun is an everyday word.
    const surfaces = category ? [example] : names.surfaces;
    const aliases = surfaces.map((s) =>
      alias(s, 'onet', { preferred: true, casingMeaningful, maxTokens: s === names.label ? undefined : 5 }),
    );
    registry.add({
      label: names.label,
      kind: 'technology',
      groups: groups.get(example) ?? [],
      aliases,
      origin: `onet-tech:${example}`,
    });
  }
  return stats;
}

/** UNSPSC segments of office, IT and consumer equipment: their tools are generic unless used by few occupations. */
const OFFICE_SEGMENTS = new Set(['43', '44', '45', '52', '55', '56', '14', '60', '49']);
const GENERIC_OFFICE_TOOL =
  /\b(?:computers?|printers?|telephones?|phones?|calculators?|facsimile|fax|photocop\w*|copiers?|copy machines?|whiteboards?|projectors?|projection|flash drives?|scanners?|personal digital assistants?|webcams?|monitors?|keyboards?|mice|mouse|pens?|pencils?|markers?|staplers?|scissors|rulers?|televisions?|radios?|cameras?|microphones?|headsets?|speakers?|recorders?|players?|tablets?|servers?|terminals?|modems?|routers?|hard drives?|disk drives?)\b/i;
/** Tools used by more occupations than this are everyday equipment, not evidence of a trade. */
const MAX_TOOL_OCCUPATIONS = 200;
/** Leading words that do not change what a tool is ("Digital multimeters" → "multimeters"). */
const TOOL_MODIFIERS =
  /^(?:digital|electric|electronic|portable|handheld|hand-held|manual|automatic|automated|cordless|mobile|commercial|industrial|heavy-duty|heavy duty|professional|wireless|compact|standard)\s+/i;

export interface OnetToolStats {
  rows: number;
  examples: number;
  droppedGeneric: number;
  kept: number;
}

export function addOnetTools(dir: string, registry: DraftRegistry): OnetToolStats {
  const rows = readTsv(join(dir, 'Tools Used.txt'));
  const segmentOf = new Map<string, string>();
  for (const r of readTsv(join(dir, 'UNSPSC Reference.txt'))) {
    segmentOf.set(field(r, 'Commodity Code'), field(r, 'Segment Code').slice(0, 2));
  }
  const tools = new Map<string, { groups: Set<string>; occupations: Set<string>; segments: Set<string> }>();
  for (const r of rows) {
    const example = field(r, 'Example').trim();
    if (example.length === 0) continue;
    const tool = tools.get(example) ?? { groups: new Set(), occupations: new Set(), segments: new Set() };
    tool.groups.add(field(r, 'Commodity Title'));
    tool.occupations.add(field(r, 'O*NET-SOC Code'));
    tool.segments.add(segmentOf.get(field(r, 'Commodity Code')) ?? '');
    tools.set(example, tool);
  }
  const stats: OnetToolStats = { rows: rows.length, examples: tools.size, droppedGeneric: 0, kept: 0 };
  for (const example of [...tools.keys()].sort(compare)) {
    const tool = tools.get(example);
    if (tool === undefined) continue;
    const office = [...tool.segments].every((s) => OFFICE_SEGMENTS.has(s));
    if (tool.occupations.size > MAX_TOOL_OCCUPATIONS || (office && GENERIC_OFFICE_TOOL.test(example))) {
      stats.droppedGeneric += 1;
      continue;
    }
    stats.kept += 1;
    const options = { casingMeaningful: false, allowCommonPreferred: false };
    const acronym = trailingAcronym(example.split(/\s+/));
    const plain = acronym?.long ?? example;
    // "Digital multimeters", "Manual lensometers" and "Lensometers" are one tool under the unmodified name.
    const unmodified = capitalise(plain.replace(TOOL_MODIFIERS, ''));
    const label = acronym === undefined ? unmodified : `${unmodified} (${acronym.short})`;
    const aliases: AliasCandidate[] = [
      alias(example, 'onet', { ...options, preferred: true, maxTokens: 5 }),
      alias(unmodified, 'onet', { ...options, preferred: true, maxTokens: 5 }),
    ];
    if (acronym !== undefined) {
      aliases.push(alias(acronym.long, 'onet', { ...options, preferred: true, maxTokens: 5 }));
      aliases.push(alias(acronym.short, 'onet', { ...options, preferred: true, casingMeaningful: true }));
    }
    registry.add({ label, kind: 'tool', groups: tool.groups, aliases, origin: `onet-tool:${example}` });
  }
  return stats;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export interface OnetTitleStats {
  occupations: number;
  alternateTitles: number;
  shortTitles: number;
  reportedTitles: number;
}

export function addOnetTitles(dir: string, titles: TitleRegistry): OnetTitleStats {
  const ids = new Map<string, number>();
  const occupations = readTsv(join(dir, 'Occupation Data.txt'));
  for (const r of [...occupations].sort((a, b) =>
    compare(field(a, 'O*NET-SOC Code'), field(b, 'O*NET-SOC Code')),
  )) {
    const code = field(r, 'O*NET-SOC Code');
    ids.set(code, titles.addOccupation(`onet:${code}`, field(r, 'Title'), 'onet'));
  }
  const stats: OnetTitleStats = {
    occupations: ids.size,
    alternateTitles: 0,
    shortTitles: 0,
    reportedTitles: 0,
  };
  for (const r of readTsv(join(dir, 'Alternate Titles.txt'))) {
    const id = ids.get(field(r, 'O*NET-SOC Code'));
    if (id === undefined) continue;
    const alternate = field(r, 'Alternate Title');
    titles.addTitle(alternate, id);
    stats.alternateTitles += 1;
    const short = field(r, 'Short Title').trim();
    if (short.length > 0 && short.toLowerCase() !== 'n/a') {
      titles.addShortTitle(short, alternate, id);
      stats.shortTitles += 1;
    }
  }
  for (const r of readTsv(join(dir, 'Sample of Reported Titles.txt'))) {
    const id = ids.get(field(r, 'O*NET-SOC Code'));
    if (id === undefined) continue;
    titles.addTitle(field(r, 'Reported Job Title'), id);
    stats.reportedTitles += 1;
  }
  return stats;
}
