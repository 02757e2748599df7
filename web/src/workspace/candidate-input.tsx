import { useState } from 'preact/hooks';
import type { Api } from '../api/client.ts';
import { ApiError } from '../api/http.ts';
import { Alert } from '../components/alert.tsx';
import { CandidateList } from './candidate-list.tsx';
import { uniqueRef } from './candidate-refs.ts';
import { ACCEPTED_FILES, type Candidate, isCvFile, readCvFile } from './candidates.ts';
import { droppedFiles } from './dropped-files.ts';
import { PasteCandidate } from './paste-candidate.tsx';

interface CandidateInputProps {
  readonly api: Api;
  readonly candidates: readonly Candidate[];
  readonly onChange: (candidates: Candidate[]) => void;
}

/** CVs from files (picked or dropped) or pasted text, listed with a way to remove each. */
export function CandidateInput({ api, candidates, onChange }: CandidateInputProps) {
  const [reading, setReading] = useState(0);
  const [errors, setErrors] = useState<string[]>([]);
  const [dragging, setDragging] = useState(false);

  const addFiles = async (all: readonly File[]) => {
    // A folder brings whatever it holds: only CV files become candidates, the rest is named as skipped.
    const files = all.filter(isCvFile);
    const skipped = all
      .filter((file) => !isCvFile(file))
      .map((file) => `${file.name}: skipped (not .txt, .md, .pdf or .docx)`);
    setErrors([]);
    setReading(files.length);
    const added: Candidate[] = [];
    const failures: string[] = [];
    const taken = new Set(candidates.map((c) => c.ref));
    for (const file of files) {
      try {
        const text = await readCvFile(api, file);
        const ref = uniqueRef(file.name, taken);
        taken.add(ref);
        added.push({ ref, text, source: file.name });
      } catch (error) {
        failures.push(
          error instanceof ApiError ? `${file.name}: ${error.detail}` : String((error as Error).message),
        );
      }
      setReading((n) => n - 1);
    }
    onChange([...candidates, ...added]);
    setErrors([...failures, ...skipped]);
  };

  return (
    <fieldset class="panel">
      <legend>2. Candidates</legend>
      <label
        for="cv-files"
        class={`drop-zone ${dragging ? 'dragging' : ''}`}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(event) => {
          event.preventDefault();
          setDragging(false);
          if (event.dataTransfer) void droppedFiles(event.dataTransfer).then(addFiles);
        }}
      >
        <strong>Drop CV files or a folder here, or choose files</strong>
        <span class="muted">
          Text (.txt, .md), PDF and Word (.docx); each file is one candidate, named after the file.
        </span>
      </label>
      <input
        id="cv-files"
        type="file"
        multiple
        accept={ACCEPTED_FILES}
        onChange={(event) => {
          const input = event.currentTarget;
          void addFiles([...(input.files ?? [])]).then(() => {
            input.value = '';
          });
        }}
      />
      <label for="cv-folder" class="file-label">
        Or choose a whole folder
      </label>
      <input
        id="cv-folder"
        type="file"
        // Not in the DOM typings: the attribute that makes the picker choose a folder (every current browser).
        ref={(input) => input?.setAttribute('webkitdirectory', '')}
        onChange={(event) => {
          const input = event.currentTarget;
          void addFiles([...(input.files ?? [])]).then(() => {
            input.value = '';
          });
        }}
      />
      <p role="status" class="muted">
        {reading > 0 ? `Reading ${reading} file${reading === 1 ? '' : 's'}…` : ''}
      </p>
      {errors.length > 0 && (
        <Alert tone="error">
          Some files were not added:
          <ul>
            {errors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        </Alert>
      )}
      <PasteCandidate
        onAdd={(text, wantedRef) => {
          const taken = new Set(candidates.map((c) => c.ref));
          const ref = uniqueRef(wantedRef || `candidate-${candidates.length + 1}`, taken);
          onChange([...candidates, { ref, text, source: 'pasted' }]);
        }}
      />
      <CandidateList
        candidates={candidates}
        onRemove={(ref) => onChange(candidates.filter((c) => c.ref !== ref))}
      />
    </fieldset>
  );
}
