/**
 * Section headings in any style: "WORK HISTORY", "Professional Experience:", "Education & Training",
 * "Key Skills". A heading is a short line whose words name a section; its kind decides how strong the
 * evidence under it is.
 */
export type SectionKind =
  | 'summary'
  | 'experience'
  | 'education'
  | 'skills'
  | 'projects'
  | 'certifications'
  | 'languages'
  | 'other'
  | 'none';

const HEADING_WORDS: ReadonlyArray<readonly [SectionKind, RegExp]> = [
  [
    'experience',
    /^(?:(?:relevant|professional|work|working|employment|career|clinical|teaching|industry|commercial|management|leadership|sales|technical|previous|recent|other|additional|volunteer|voluntary|military|placement|internship)\s+)*(?:experience|history|employment|career(?:\s+history)?|work\s+history|positions?(?:\s+held)?|roles?|placements?|internships?|appointments|background)(?:\s+(?:history|record|summary|to\s+date))?$|^employment(?:\s+history)?$|^work$|^career$|^expérience(?:s)?(?:\s+professionnelles?)?$|^berufserfahrung$|^experiencia(?:\s+(?:laboral|profesional))?$|^esperienz[ae](?:\s+(?:lavorative|professionali))?$|^experiência(?:\s+profissional)?$|^werkervaring$/,
  ],
  [
    'education',
    /^(?:education|academic|academics|educational)(?:\s+(?:background|history|profile|qualifications|and\s+qualifications|&\s+qualifications|and\s+training|&\s+training|details))?$|^(?:qualifications?(?:\s+and\s+education|\s+&\s+education)?|academic\s+qualifications|education\s*\/\s*qualifications|formation|ausbildung|formación(?:\s+académica)?|educación|istruzione|formação|opleiding)$/,
  ],
  [
    'skills',
    /^(?:(?:key|core|technical|tech|it|computer|professional|personal|relevant|transferable|clinical|additional|other|soft|hard|specialist|digital|software)\s+)*(?:skills?|competenc(?:ies|es)|expertise|proficiencies|strengths|abilities|technologies|tools|tech\s+stack|stack|toolkit|skill\s+set|skillset|areas\s+of\s+expertise|technical\s+summary|tools\s+(?:and|&)\s+technologies|skills\s+(?:and|&)\s+(?:competencies|abilities|expertise|tools))$|^(?:compétences|kenntnisse|fähigkeiten|habilidades|competencias|competenze|competências)$/,
  ],
  [
    'projects',
    /^(?:(?:key|selected|personal|academic|notable|side|open\s+source|recent|major)\s+)*(?:projects?|portfolio|publications|research)$|^projets$|^projekte$|^proyectos$/,
  ],
  [
    'certifications',
    /^(?:(?:professional|other|additional|relevant)\s+)*(?:certifications?|certificates?|licen[cs]es?|accreditations?|registrations?|memberships?|professional\s+memberships|qualifications\s+(?:and|&)\s+certifications|courses|training|training\s+(?:and|&)\s+(?:development|certifications?)|cpd|continuing\s+(?:professional\s+)?development|licen[cs]es?\s+(?:and|&)\s+certifications?|certifications?\s+(?:and|&)\s+(?:licen[cs]es?|training|courses))$/,
  ],
  ['languages', /^(?:languages?|language\s+skills|langues|sprachen|idiomas|lingue|línguas)$/],
  [
    'summary',
    /^(?:(?:professional|personal|career|executive|profile|candidate)\s+)*(?:summary|profile|statement|objective|overview|introduction|about(?:\s+me)?|personal\s+statement|career\s+objective)$|^(?:profil|résumé\s+professionnel|perfil|profilo|kurzprofil)$/,
  ],
  [
    'other',
    /^(?:interests|hobbies|hobbies\s+(?:and|&)\s+interests|interests\s+(?:and|&)\s+hobbies|references|referees|achievements|awards|honou?rs|awards\s+(?:and|&)\s+achievements|key\s+achievements|volunteering|activities|extra[-\s]?curricular(?:\s+activities)?|additional\s+information|personal\s+details|personal\s+information|contact|contact\s+details|declaration)$/,
  ],
];

/** A word every heading pattern above contains: one cheap test rules out almost every line. */
const HEADING_KEYWORD =
  /experi|histor|employ|career|work|position|role|placement|internship|appointment|background|educat|academ|qualif|formation|ausbildung|formaci|istruz|forma|opleid|skill|competen|expertis|proficien|strength|abilit|technolog|tool|stack|skillset|kenntn|fähig|habilid|project|portfolio|publicat|research|projet|projekt|proyect|certific|certificate|licen|accredit|registrat|membership|course|training|cpd|development|language|langue|sprach|idioma|lingu|líng|summary|profile|statement|objective|overview|introduction|about|profil|perfil|interest|hobbies|referen|referee|achievement|award|honou?r|volunteer|activit|curricular|additional|personal|contact|declaration/;

/** The kind of section a line opens, or undefined when the line is not a heading. */
export function headingKind(line: string): SectionKind | undefined {
  const trimmed = line.trim();
  if (trimmed.length === 0 || trimmed.length > 48 || trimmed.startsWith('- ')) return undefined;
  const words = trimmed
    .replace(/[:：]\s*$/, '')
    .replace(/^[#=*_\s]+|[#=*_\s]+$/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ');
  if (words.split(' ').length > 6 || !HEADING_KEYWORD.test(words)) return undefined;
  for (const [kind, pattern] of HEADING_WORDS) if (pattern.test(words)) return kind;
  return undefined;
}

/** "Skills: Python, SQL, Docker" — a heading followed by content on the same line. */
export function inlineHeading(line: string): { kind: SectionKind; rest: string } | undefined {
  if (!line.includes(':')) return undefined;
  const m = /^\s*(?:-\s*)?([^:]{3,40}):\s*(\S.*)$/.exec(line);
  if (!m?.[1] || !m[2]) return undefined;
  const kind = headingKind(m[1]);
  return kind ? { kind, rest: m[2] } : undefined;
}
