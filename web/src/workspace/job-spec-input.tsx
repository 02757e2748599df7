import { useState } from 'preact/hooks';
import type { Api } from '../api/client.ts';
import { Alert } from '../components/alert.tsx';
import { messageOf } from '../components/use-load.ts';
import { ACCEPTED_FILES, readCvFile } from './candidates.ts';

interface JobSpecInputProps {
  readonly api: Api;
  readonly value: string;
  readonly onChange: (value: string) => void;
}

/** The job specification: typed or pasted, or loaded from a file (txt, md, pdf, docx). */
export function JobSpecInput({ api, value, onChange }: JobSpecInputProps) {
  const [error, setError] = useState<string | undefined>();
  const load = async (files: FileList | null) => {
    const file = files?.[0];
    if (!file) return;
    setError(undefined);
    try {
      onChange(await readCvFile(api, file));
    } catch (caught) {
      setError(caught instanceof Error && !('status' in caught) ? caught.message : messageOf(caught));
    }
  };
  return (
    <fieldset class="panel">
      <legend>1. Job specification</legend>
      <label for="job-spec">Job specification</label>
      <p id="job-spec-hint" class="muted">
        Paste the full description. Requirements written as “Must have: …” and “Nice to have: …” are read as
        essential and desirable.
      </p>
      <textarea
        id="job-spec"
        rows={8}
        required
        aria-describedby="job-spec-hint"
        value={value}
        onInput={(event) => onChange(event.currentTarget.value)}
      />
      <label for="job-spec-file" class="file-label">
        Or load it from a file
      </label>
      <input
        id="job-spec-file"
        type="file"
        accept={ACCEPTED_FILES}
        onChange={(event) => void load(event.currentTarget.files)}
      />
      {error && <Alert tone="error">{error}</Alert>}
    </fieldset>
  );
}
