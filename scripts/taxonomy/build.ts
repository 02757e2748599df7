/**
 * The whole build: sources → drafts → filtered, numbered artefacts (in memory; `write.ts` puts them on disk).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type AssembleStats, assemble } from './assemble.ts';
import { type English, loadEnglish } from './english.ts';
import { addEscoOccupations, addEscoSkills, type EscoOccupationStats, type EscoSkillStats } from './esco.ts';
import { DraftRegistry } from './model.ts';
import {
  addOnetTechnology,
  addOnetTitles,
  addOnetTools,
  type OnetTechnologyStats,
  type OnetTitleStats,
  type OnetToolStats,
} from './onet.ts';
import { buildStackOverflow, type StackOverflowStats } from './stackoverflow.ts';
import { TitleRegistry, type TitleStats } from './titles.ts';
import { renderFiles, stackOverflowArtefact, taxonomyArtefact } from './write.ts';

export const SOURCE_FOLDERS = {
  esco: 'esco-v1.1.1-en',
  onet: 'onet-29.3',
  stackoverflow: 'stackoverflow-tags-2021',
} as const;

export interface BuildReport {
  version: string;
  escoSkills: EscoSkillStats;
  escoOccupations: EscoOccupationStats;
  onetTechnology: OnetTechnologyStats;
  onetTools: OnetToolStats;
  onetTitles: OnetTitleStats;
  concepts: AssembleStats;
  titles: TitleStats;
  stackOverflow: StackOverflowStats;
  bytes: Record<string, number>;
}

export interface BuildOutput {
  readonly files: ReadonlyMap<string, string>;
  readonly report: BuildReport;
}

export function missingSources(sourceDir: string): string[] {
  return Object.values(SOURCE_FOLDERS)
    .map((folder) => join(sourceDir, folder))
    .filter((path) => !existsSync(path));
}

export function buildTaxonomy(sourceDir: string, english: English = loadEnglish()): BuildOutput {
  const missing = missingSources(sourceDir);
  if (missing.length > 0) throw new Error(`taxonomy sources not found: ${missing.join(', ')}`);
  const escoDir = join(sourceDir, SOURCE_FOLDERS.esco);
  const onetDir = join(sourceDir, SOURCE_FOLDERS.onet);

  // O*NET technology first, so its vendor-stripped display labels win when ESCO names the same product.
  const registry = new DraftRegistry();
  const onetTechnology = addOnetTechnology(onetDir, registry, english);
  const escoSkills = addEscoSkills(escoDir, registry);
  const onetTools = addOnetTools(onetDir, registry);
  const base = assemble(registry.all, english);

  const titleRegistry = new TitleRegistry();
  const onetTitles = addOnetTitles(onetDir, titleRegistry);
  const escoOccupations = addEscoOccupations(escoDir, titleRegistry);
  const titles = titleRegistry.finish();

  const stackOverflow = buildStackOverflow(join(sourceDir, SOURCE_FOLDERS.stackoverflow), base, english);

  const taxonomy = taxonomyArtefact(base, titles);
  const files = renderFiles(taxonomy, stackOverflowArtefact(taxonomy.version, stackOverflow.targets));
  const bytes: Record<string, number> = {};
  for (const [name, text] of files) bytes[name] = Buffer.byteLength(text);
  return {
    files,
    report: {
      version: taxonomy.version,
      escoSkills,
      escoOccupations,
      onetTechnology,
      onetTools,
      onetTitles,
      concepts: base.stats,
      titles: titles.stats,
      stackOverflow: stackOverflow.stats,
      bytes,
    },
  };
}
