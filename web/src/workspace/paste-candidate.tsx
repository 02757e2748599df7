import { useState } from 'preact/hooks';

/** A CV pasted as text, with an optional reference (otherwise one is made up). */
export function PasteCandidate({ onAdd }: { onAdd: (text: string, ref: string) => void }) {
  const [text, setText] = useState('');
  const [ref, setRef] = useState('');
  const add = () => {
    if (text.trim() === '') return;
    onAdd(text, ref.trim());
    setText('');
    setRef('');
  };
  return (
    <details class="paste">
      <summary>Paste a CV as text</summary>
      <label for="pasted-ref">Candidate reference (optional)</label>
      <input id="pasted-ref" value={ref} onInput={(e) => setRef(e.currentTarget.value)} />
      <label for="pasted-cv">CV text</label>
      <textarea id="pasted-cv" rows={6} value={text} onInput={(e) => setText(e.currentTarget.value)} />
      <button type="button" class="secondary" onClick={add}>
        Add this candidate
      </button>
    </details>
  );
}
