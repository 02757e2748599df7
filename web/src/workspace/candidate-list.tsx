import type { Candidate } from './candidates.ts';

interface CandidateListProps {
  readonly candidates: readonly Candidate[];
  readonly onRemove: (ref: string) => void;
}

/** The candidates of the next job, each removable; the list's name says how many. */
export function CandidateList({ candidates, onRemove }: CandidateListProps) {
  if (candidates.length === 0) return <p class="muted">No candidates yet.</p>;
  return (
    <ul class="candidates" aria-label={`${candidates.length} candidates`}>
      {candidates.map((c) => (
        <li key={c.ref}>
          <span>
            <strong>{c.ref}</strong>{' '}
            <span class="muted">
              ({c.source}, {c.text.length.toLocaleString('en-GB')} characters)
            </span>
          </span>
          <button type="button" class="link" aria-label={`Remove ${c.ref}`} onClick={() => onRemove(c.ref)}>
            Remove
          </button>
        </li>
      ))}
    </ul>
  );
}
