/**
 * A miniature copy of ../shared/taxonomy-data (same folders, files and columns, a few rows each), written by
 * the tests so that the build can be exercised anywhere, without the real sources.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

type Cell = string | number;

function csv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const quote = (cell: Cell) => {
    const text = String(cell);
    return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return `${[header, ...rows].map((row) => row.map(quote).join(',')).join('\n')}\n`;
}

function tsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return `${[header, ...rows].map((row) => row.join('\t')).join('\n')}\n`;
}

const SKILL = 'http://data.europa.eu/esco/skill/';
const GROUP = 'http://data.europa.eu/esco/skill/group-';
const SKILL_COLUMNS = [
  'conceptType',
  'conceptUri',
  'skillType',
  'reuseLevel',
  'preferredLabel',
  'altLabels',
  'hiddenLabels',
  'status',
  'modifiedDate',
  'scopeNote',
  'definition',
  'inScheme',
  'description',
];

function skill(id: string, type: string, label: string, alts: readonly string[]): Cell[] {
  return [
    'KnowledgeSkillCompetence',
    SKILL + id,
    type,
    'cross-sector',
    label,
    alts.join('\n'),
    '',
    'released',
  ];
}

const COLLECTION_COLUMNS = [
  'conceptType',
  'conceptUri',
  'skillType',
  'reuseLevel',
  'preferredLabel',
  'status',
  'altLabels',
  'description',
  'broaderConceptUri',
  'broaderConceptPT',
];

function member(id: string, type: string, label: string, broader = '', broaderLabel = ''): Cell[] {
  return [
    'KnowledgeSkillCompetence',
    SKILL + id,
    type,
    'transversal',
    label,
    'released',
    '',
    '',
    broader,
    broaderLabel,
  ];
}

export function writeFixtureSources(root: string): void {
  const esco = join(root, 'esco-v1.1.1-en');
  const onet = join(root, 'onet-29.3');
  const so = join(root, 'stackoverflow-tags-2021');
  for (const dir of [esco, onet, so]) mkdirSync(dir, { recursive: true });

  writeFileSync(
    join(esco, 'skills_en.csv'),
    csv(SKILL_COLUMNS, [
      skill('payroll', 'skill/competence', 'manage payroll', [
        'oversee payroll',
        'handle payroll',
        'manage payroll',
      ]),
      skill('forklift', 'skill/competence', 'operate forklift', ['drive forklift', 'use a forklift']),
      skill('postgres', 'knowledge', 'PostgreSQL', ['Postgres', 'PostgreSQL']),
      skill('python', 'knowledge', 'Python (computer programming)', ['Python', 'Python3']),
      skill('javascript', 'knowledge', 'JavaScript', ['Mocha', 'Javascript', 'JS']),
      skill('welsh', 'knowledge', 'Welsh', ['competent in Welsh']),
      skill('welsh-spoken', 'skill/competence', 'understand spoken Welsh', ['comprehend spoken Welsh']),
      skill('initiative', 'skill/competence', 'show initiative', ['take the initiative']),
      skill('communication', 'knowledge', 'communication', ['communication']),
      skill('detail', 'skill/competence', 'attend to detail', ['care', 'be meticulous']),
      skill('payroll-reports', 'skill/competence', 'manage payroll reports', ['handle payroll reports']),
    ]),
  );
  writeFileSync(
    join(esco, 'skillGroups_en.csv'),
    csv(
      ['conceptType', 'conceptUri', 'preferredLabel'],
      [
        ['SkillGroup', `${GROUP}payroll`, 'payroll and salaries'],
        ['SkillGroup', `${GROUP}databases`, 'databases'],
        ['SkillGroup', `${GROUP}languages`, 'languages'],
        ['SkillGroup', `${GROUP}attitudes`, 'attitudes'],
      ],
    ),
  );
  writeFileSync(
    join(esco, 'broaderRelationsSkillPillar.csv'),
    csv(
      ['conceptType', 'conceptUri', 'broaderType', 'broaderUri'],
      [
        ['KnowledgeSkillCompetence', `${SKILL}payroll`, 'SkillGroup', `${GROUP}payroll`],
        [
          'KnowledgeSkillCompetence',
          `${SKILL}payroll-reports`,
          'KnowledgeSkillCompetence',
          `${SKILL}payroll`,
        ],
        ['KnowledgeSkillCompetence', `${SKILL}forklift`, 'SkillGroup', `${GROUP}payroll`],
        ['KnowledgeSkillCompetence', `${SKILL}postgres`, 'SkillGroup', `${GROUP}databases`],
        ['KnowledgeSkillCompetence', `${SKILL}python`, 'SkillGroup', `${GROUP}databases`],
        ['KnowledgeSkillCompetence', `${SKILL}javascript`, 'SkillGroup', `${GROUP}databases`],
        ['KnowledgeSkillCompetence', `${SKILL}welsh`, 'SkillGroup', `${GROUP}languages`],
        ['KnowledgeSkillCompetence', `${SKILL}welsh-spoken`, 'KnowledgeSkillCompetence', `${SKILL}welsh`],
        ['KnowledgeSkillCompetence', `${SKILL}initiative`, 'SkillGroup', `${GROUP}attitudes`],
        ['KnowledgeSkillCompetence', `${SKILL}detail`, 'SkillGroup', `${GROUP}attitudes`],
        ['SkillGroup', `${GROUP}payroll`, 'SkillGroup', `${GROUP}attitudes`],
      ],
    ),
  );
  writeFileSync(
    join(esco, 'digitalSkillsCollection_en.csv'),
    csv(COLLECTION_COLUMNS, [
      member('postgres', 'knowledge', 'PostgreSQL', `${GROUP}databases`, 'databases'),
      member('python', 'knowledge', 'Python (computer programming)', `${GROUP}databases`, 'databases'),
      member('javascript', 'knowledge', 'JavaScript', `${GROUP}databases`, 'databases'),
    ]),
  );
  writeFileSync(
    join(esco, 'transversalSkillsCollection_en.csv'),
    csv(COLLECTION_COLUMNS, [member('initiative', 'skill/competence', 'show initiative')]),
  );
  writeFileSync(
    join(esco, 'languageSkillsCollection_en.csv'),
    csv(COLLECTION_COLUMNS, [
      member('welsh', 'knowledge', 'Welsh', `${GROUP}languages`, 'languages'),
      member('welsh-spoken', 'skill/competence', 'understand spoken Welsh', `${SKILL}welsh`, 'Welsh'),
    ]),
  );
  writeFileSync(
    join(esco, 'occupations_en.csv'),
    csv(
      ['conceptType', 'conceptUri', 'iscoGroup', 'preferredLabel', 'altLabels', 'hiddenLabels', 'code'],
      [
        [
          'Occupation',
          'http://data.europa.eu/esco/occupation/nurse',
          '2221',
          'nurse responsible for general care',
          'ward nurse\nregistered nurse\nstaff nurse',
          '',
          '2221.2',
        ],
        [
          'Occupation',
          'http://data.europa.eu/esco/occupation/dev',
          '2512',
          'software developer',
          'software engineer\nprogrammer\nactor/actress',
          '',
          '2512.4',
        ],
      ],
    ),
  );

  writeFileSync(
    join(onet, 'Occupation Data.txt'),
    tsv(
      ['O*NET-SOC Code', 'Title', 'Description'],
      [
        ['29-1141.00', 'Registered Nurses', 'Assess patient health problems and needs.'],
        ['15-1252.00', 'Software Developers', 'Research, design, and develop computer software.'],
        ['53-7051.00', 'Industrial Truck and Tractor Operators', 'Operate industrial trucks or tractors.'],
      ],
    ),
  );
  writeFileSync(
    join(onet, 'Alternate Titles.txt'),
    tsv(
      ['O*NET-SOC Code', 'Title', 'Alternate Title', 'Short Title', 'Source(s)'],
      [
        ['29-1141.00', 'Registered Nurses', 'Registered Nurse (RN)', 'RN', '02,03'],
        ['29-1141.00', 'Registered Nurses', 'Staff Nurse', '', '02'],
        ['29-1141.00', 'Registered Nurses', 'Licensed Practical Nurse (LPN)', '', '02'],
        ['15-1252.00', 'Software Developers', 'Software Engineer', '', '02'],
        [
          '15-1252.00',
          'Software Developers',
          'Quality Assurance Engineer (QA Engineer)',
          'QA Engineer',
          '02',
        ],
        ['15-1252.00', 'Software Developers', 'Database Administrator (DBA)', '', '02'],
        ['53-7051.00', 'Industrial Truck and Tractor Operators', 'Forklift Operator', '', '02'],
      ],
    ),
  );
  writeFileSync(
    join(onet, 'Sample of Reported Titles.txt'),
    tsv(
      ['O*NET-SOC Code', 'Title', 'Reported Job Title', 'Shown in My Next Move'],
      [
        ['29-1141.00', 'Registered Nurses', 'Registered Nurse (RN)', 'Y'],
        ['15-1252.00', 'Software Developers', 'Software Developer', 'Y'],
      ],
    ),
  );
  const tech = (example: string, code: string, title: string, hot = 'N') => [
    '15-1252.00',
    'Software Developers',
    example,
    code,
    title,
    hot,
    'N',
  ];
  writeFileSync(
    join(onet, 'Technology Skills.txt'),
    tsv(
      [
        'O*NET-SOC Code',
        'Title',
        'Example',
        'Commodity Code',
        'Commodity Title',
        'Hot Technology',
        'In Demand',
      ],
      [
        tech('Autodesk AutoCAD', '43232604', 'Computer aided design CAD software', 'Y'),
        tech('Intuit QuickBooks', '43231601', 'Accounting software', 'Y'),
        tech('PostgreSQL', '43232306', 'Data base management system software', 'Y'),
        tech('Python', '43232402', 'Object or component oriented development software', 'Y'),
        tech('Kubernetes', '43233004', 'Operating system software'),
        tech('Amazon Web Services AWS software', '43232306', 'Data base management system software'),
        tech('Microsoft Excel', '43232110', 'Spreadsheet software', 'Y'),
        tech('Microsoft Word', '43232107', 'Word processing software', 'Y'),
        tech('Oracle Java', '43232402', 'Object or component oriented development software', 'Y'),
        tech('Structured query language SQL', '43232306', 'Data base management system software', 'Y'),
        tech('Spreadsheet software', '43232110', 'Spreadsheet software'),
      ],
    ),
  );
  const tool = (example: string, code: string, title: string) => [
    '53-7051.00',
    'Industrial Truck and Tractor Operators',
    example,
    code,
    title,
  ];
  writeFileSync(
    join(onet, 'Tools Used.txt'),
    tsv(
      ['O*NET-SOC Code', 'Title', 'Example', 'Commodity Code', 'Commodity Title'],
      [
        tool('Forklifts', '24101603', 'Forklifts'),
        tool('Personal computers', '43211508', 'Personal computers'),
        tool('Digital multimeters', '41113641', 'Multimeters'),
        tool('Multimeters', '41113641', 'Multimeters'),
        tool('Hammers', '27111602', 'Hammers'),
        tool('Automated external defibrillators AED', '42172001', 'Defibrillators'),
      ],
    ),
  );
  writeFileSync(
    join(onet, 'UNSPSC Reference.txt'),
    tsv(
      [
        'Commodity Code',
        'Commodity Title',
        'Class Code',
        'Class Title',
        'Family Code',
        'Family Title',
        'Segment Code',
        'Segment Title',
      ],
      [
        ['24101603', 'Forklifts', '24101600', 'c', '24100000', 'f', '24000000', 'Material Handling'],
        [
          '43211508',
          'Personal computers',
          '43211500',
          'c',
          '43210000',
          'f',
          '43000000',
          'Information Technology',
        ],
        ['41113641', 'Multimeters', '41113600', 'c', '41110000', 'f', '41000000', 'Laboratory'],
        ['27111602', 'Hammers', '27111600', 'c', '27110000', 'f', '27000000', 'Tools'],
        ['42172001', 'Defibrillators', '42172000', 'c', '42170000', 'f', '42000000', 'Medical'],
      ],
    ),
  );

  const synonym = (id: number, source: string, target: string, approved = true, renames = 10) => [
    id,
    source,
    target,
    '2015-01-01 00:00:00',
    '1',
    renames,
    '',
    '0',
    approved ? '1' : '',
    approved ? '2015-01-02 00:00:00' : '',
  ];
  writeFileSync(
    join(so, 'TagSynonyms.csv'),
    csv(
      [
        'Id',
        'SourceTagName',
        'TargetTagName',
        'CreationDate',
        'OwnerUserId',
        'AutoRenameCount',
        'LastAutoRename',
        'Score',
        'ApprovedByUserId',
        'ApprovalDate',
      ],
      [
        synonym(1, 'k8s', 'kubernetes'),
        synonym(2, 'postgres', 'postgresql'),
        synonym(3, 'pgsql', 'postgresql'),
        synonym(4, 'vs2010', 'visual-studio-2010'),
        synonym(5, 'plugin', 'plugins'),
        synonym(6, 'discussion', 'meta'),
        synonym(7, 'reactjs-native', 'react-native', false),
        synonym(8, 'nodejs', 'node.js', true, 500),
        synonym(9, 'js', 'javascript'),
        synonym(10, 'scm', 'version-control'),
        synonym(11, 'zoomed', 'zoom'),
      ],
    ),
  );
  writeFileSync(
    join(so, 'Tags.csv'),
    csv(
      ['Id', 'TagName', 'Count', 'ExcerptPostId', 'WikiPostId', 'IsModeratorOnly', 'IsRequired'],
      [
        [3, 'javascript', 2262606, '', '', '', ''],
        [4, 'postgresql', 120000, '', '', '', ''],
      ],
    ),
  );
}
