import { useState } from 'preact/hooks';
import type { CandidateResult, RequirementEvidence } from '../api/types.ts';
import { VerdictBadge } from './verdict-badge.tsx';

const STATUS_TEXT: Readonly<Record<RequirementEvidence['status'], string>> = {
  met: '✔ Met',
  partial: '◐ Partly met',
  missing: '✖ Not shown',
};

/** One ranked candidate; its per-requirement evidence opens below it. */
export function ResultRow({ rank, result }: { rank: number; result: CandidateResult }) {
  const [open, setOpen] = useState(false);
  const evidenceId = `evidence-${rank}`;
  const requirements = result.requirements ?? [];
  return (
    <>
      <tr>
        <td class="number">{rank}</td>
        <th scope="row">{result.candidate_ref}</th>
        <td class="number score">{result.score}</td>
        <td>
          <VerdictBadge verdict={result.verdict} />
        </td>
        <td>
          <BulletList items={result.match_reasons} empty="None found" />
        </td>
        <td>
          <BulletList items={result.gaps} empty="None found" />
        </td>
        <td>
          {requirements.length > 0 && (
            <button
              type="button"
              class="secondary small"
              aria-expanded={open}
              aria-controls={evidenceId}
              onClick={() => setOpen(!open)}
            >
              {open ? 'Hide' : 'Show'} evidence
              <span class="visually-hidden"> for {result.candidate_ref}</span>
            </button>
          )}
        </td>
      </tr>
      {open && (
        <tr id={evidenceId} class="evidence-row">
          <td colSpan={7}>
            <EvidenceTable candidate={result.candidate_ref} requirements={requirements} />
          </td>
        </tr>
      )}
    </>
  );
}

function BulletList({ items, empty }: { items: readonly string[]; empty: string }) {
  if (items.length === 0) return <span class="muted">{empty}</span>;
  return (
    <ul class="bullets">
      {items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  );
}

function EvidenceTable({
  candidate,
  requirements,
}: {
  candidate: string;
  requirements: readonly RequirementEvidence[];
}) {
  return (
    <table class="evidence">
      <caption>Evidence for {candidate}, requirement by requirement</caption>
      <thead>
        <tr>
          <th scope="col">Requirement</th>
          <th scope="col">Importance</th>
          <th scope="col">Status</th>
          <th scope="col">Evidence in the CV</th>
        </tr>
      </thead>
      <tbody>
        {requirements.map((r) => (
          <tr key={`${r.requirement}-${r.kind}`}>
            <th scope="row">{r.requirement}</th>
            <td>{r.importance === 'essential' ? 'Essential' : 'Desirable'}</td>
            <td class={`req-${r.status}`}>{STATUS_TEXT[r.status]}</td>
            <td>{r.evidence ?? <span class="muted">Nothing found</span>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
