import { kendallTauB } from './metrics/kendall.ts';
import { distribution, meanOfDefined } from './metrics/summary.ts';
import type { Cell, MetricRow, ReportSection } from './report-types.ts';
import type { EngineRun } from './score.ts';
import type { VacancyRanking, VacancyRankingDataset } from './types.ts';

/**
 * One CV, several vacancies: does the engine order the vacancies for a CV the way an annotator did?
 * `runs[e].run.batches[v].precise[c]` is engine e's score of CV c against vacancy v.
 */
export function evaluateVacancyRanking(
  dataset: VacancyRankingDataset,
  runs: readonly EngineRun[],
): { sections: ReportSection[]; context: Record<string, Cell> } {
  const vacancyIds = dataset.vacancies.map((v) => v.id);
  const cvIndex = new Map(dataset.cvs.map((cv, i) => [cv.id, i]));
  const annotators = [...new Set(dataset.rankings.map((r) => r.annotator))].sort();
  const validRankings = (annotator: string) =>
    dataset.rankings.filter((r) => r.annotator === annotator && r.valid);

  const scoresFor = (run: EngineRun, cvId: string): number[] => {
    const c = cvIndex.get(cvId) ?? -1;
    return vacancyIds.map((_, v) => run.run.batches[v]?.precise[c] ?? 0);
  };
  const row = (id: string, label: string, format: MetricRow['format'], value: (run: EngineRun) => Cell) => ({
    id,
    label,
    format,
    values: Object.fromEntries(runs.map((run) => [run.entry.name, value(run)])),
  });

  const rankingRows: MetricRow[] = [];
  for (const annotator of annotators) {
    const rankings = validRankings(annotator);
    rankingRows.push(
      row(
        `tau_annotator_${annotator}`,
        `Kendall tau vs annotator ${annotator} (mean of ${rankings.length} CVs)`,
        'ratio',
        (run) =>
          meanOfDefined(rankings.map((r) => kendallTauB(scoresFor(run, r.cvId), preference(r, vacancyIds))))
            .mean,
      ),
      row(`top1_annotator_${annotator}`, `top vacancy agrees with annotator ${annotator}`, 'ratio', (run) =>
        rankings.length === 0
          ? null
          : rankings.reduce(
              (sum, r) => sum + topAgreement(scoresFor(run, r.cvId), preference(r, vacancyIds)),
              0,
            ) / rankings.length,
      ),
    );
  }

  const allScores = (run: EngineRun) => run.run.batches.flatMap((b) => b.scores);
  const sections: ReportSection[] = [
    { title: 'Vacancy ranking per CV (sanity check)', rows: rankingRows },
    {
      title: 'Score distribution (0–100)',
      rows: [
        row('score_min', 'min', 'score', (run) => distribution(allScores(run))?.min ?? null),
        row('score_median', 'median', 'score', (run) => distribution(allScores(run))?.median ?? null),
        row('score_max', 'max', 'score', (run) => distribution(allScores(run))?.max ?? null),
      ],
    },
    {
      title: 'Run time',
      rows: [
        row('seconds', 'scoring time (s)', 'seconds', (run) => run.run.seconds),
        row('ms_per_cv', 'ms per (vacancy, CV) pair', 'ms', (run) =>
          allScores(run).length === 0 ? null : (1000 * run.run.seconds) / allScores(run).length,
        ),
      ],
    },
  ];
  return { sections, context: interAnnotatorContext(dataset, annotators, vacancyIds) };
}

/** Higher = preferred, so it can be correlated with scores directly: the negated place. */
function preference(ranking: VacancyRanking, vacancyIds: readonly string[]): number[] {
  return vacancyIds.map((id) => -(ranking.placeByVacancy.get(id) ?? Number.POSITIVE_INFINITY));
}

/** 1 if the engine's top vacancy is the annotator's; a tie at the top earns its share (1/k). */
function topAgreement(scores: readonly number[], preferences: readonly number[]): number {
  const best = Math.max(...scores);
  const top = scores.flatMap((s, i) => (s === best ? [i] : []));
  const annotatorTop = preferences.indexOf(Math.max(...preferences));
  return top.includes(annotatorTop) ? 1 / top.length : 0;
}

function interAnnotatorContext(
  dataset: VacancyRankingDataset,
  annotators: readonly string[],
  vacancyIds: readonly string[],
): Record<string, Cell> {
  const context: Record<string, Cell> = {};
  for (let a = 0; a < annotators.length; a++) {
    for (let b = a + 1; b < annotators.length; b++) {
      const first = dataset.rankings.filter((r) => r.annotator === annotators[a] && r.valid);
      const second = new Map(
        dataset.rankings.filter((r) => r.annotator === annotators[b] && r.valid).map((r) => [r.cvId, r]),
      );
      const shared = first.flatMap((r) => {
        const other = second.get(r.cvId);
        return other ? [[r, other] as const] : [];
      });
      const taus = shared.map(([x, y]) => kendallTauB(preference(x, vacancyIds), preference(y, vacancyIds)));
      const key = `annotators ${annotators[a]} vs ${annotators[b]}`;
      context[`${key}: mean Kendall tau (${shared.length} shared valid CVs)`] = meanOfDefined(taus).mean;
      context[`${key}: same top vacancy`] =
        `${shared.filter(([x, y]) => topAgreement(preference(x, vacancyIds), preference(y, vacancyIds)) === 1).length}/${shared.length}`;
    }
  }
  return context;
}
