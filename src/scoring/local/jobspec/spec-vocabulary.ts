/**
 * Words that frame requirements in adverts but are not themselves requirements. Residual words that are
 * left after concepts, years and degrees are read become a phrase requirement only if not listed here.
 */
export const SPEC_FRAMING_WORDS: ReadonlySet<string> = new Set(
  `must have has had essential essentials required require requires requirement requirements desirable desired nice bonus
  plus preferred prefer preferable advantage advantageous beneficial candidate candidates role roles position job jobs
  applicant applicants ideal ideally someone person people looking seeking seek need needs needed want wants able
  capable demonstrate demonstrates relevant related similar equivalent field fields also great would like love bring
  join help new key high highly quality team teams environment company opportunity opportunities successful success
  will can may might day days week weeks month months time full part hour hours including include includes such example
  examples various different variety range wide other others additional point points considered consider good
  confident keen eager willing willingness ready hold holds holding possess possessing possession current currently
  valid full clean recent previous prior previously ongoing real world commercial professional practical hands-on
  industry setting similar equivalent qualified qualification qualifications evidence evidenced previous successful
  right within across either whether plus bonus nice-to-have must-have must-haves nice-to-haves ideal minimum maximum
  least at over more less than approximately around thing things way ways lot lots etc e.g eg i.e ie mention
  per via well strong excellent proven solid track record understanding knowledge experience experienced years year
  yrs skills skill proficiency proficient familiarity familiar exposure ability abilities expert expertise advanced
  basic working work works worked doing done do does make makes made get gets take takes taking give given provide
  provides providing ensure ensures ensuring support supports supporting apply application applications cv resume
  opportunity salary benefits benefit competitive package based office offices hybrid remote location located
  production everyday daily day-to-day part similar equivalent comparable alike thereof
  level expert competent competence competencies competency capable language languages post posts vacancy
  treated equally conversational fluent fluency native intermediate business-level got get gets getting
  held hold holds own comfortable happy confident uk full clean valid current live british
  frameworks framework models model architectures architecture pipelines pipeline methodology methodologies
  libraries library tools tooling techniques technique platforms principles concepts stack ecosystem certificate
  certificates certification certifications card cards ticket tickets accreditation accredited award route
  routes pathway pathways via active safe effective accurate sound appropriate proper thorough`
    .split(/\s+/)
    .filter(Boolean),
);

/** Soft skills: kept as low-weight requirements, never allowed to decide a verdict. */
export const SOFT_WORDS: ReadonlySet<string> = new Set(
  `communication communicator communicate interpersonal teamwork team-player collaborative collaboration organised
  organized organisational organizational motivated self-motivated self-starter passionate passion enthusiastic
  enthusiasm flexible flexibility adaptable adaptability reliable reliability punctual punctuality attitude positive
  friendly approachable empathetic empathy compassionate compassion caring patient patience resilient resilience
  detail detail-oriented meticulous accurate accuracy initiative proactive driven hardworking hard-working dedicated
  dedication commitment committed integrity honest honesty trustworthy confident calm pressure multitask multitasking
  prioritise prioritize prioritisation prioritization deadlines time-management listening written verbal
  presentation creative creativity curious curiosity problem-solving analytical logical can-do energetic energy
  professionalism professional customer-focused people-person personable outgoing persuasive influencing
  verbal oral written interpersonal social listening qualities quality personal attributes values attitude mindset
  character expectations approach commitment ethic ethos`
    .split(/\s+/)
    .filter(Boolean),
);
