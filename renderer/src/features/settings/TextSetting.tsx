import { useId, useState, type SyntheticEvent, type ReactNode } from 'react';
import { problemOf, type ProblemText } from '../../state/error-text';

interface TextSettingProps {
  readonly label: string;
  readonly value: string;
  readonly hint?: string;
  readonly type?: 'text' | 'number';
  /** Checked as the user types; the save is refused while it says something. */
  readonly check?: (draft: string) => string | undefined;
  readonly onSave: (draft: string) => Promise<void>;
  /** Shown under the field, from the draft (a live preview). */
  readonly preview?: (draft: string) => ReactNode;
}

/**
 * A text setting: edited freely, saved with Enter or the Save button (one `updateSetting` per
 * save, not per keystroke), the core's refusal shown under it.
 */
export function TextSetting({ label, value, hint, type = 'text', check, onSave, preview }: TextSettingProps) {
  const id = useId();
  const [draft, setDraft] = useState(value);
  const [saved, setSaved] = useState(value);
  const [problem, setProblem] = useState<ProblemText | null>(null);
  const [pending, setPending] = useState(false);
  // The core's value changed (saved here or elsewhere): follow it unless the user is editing.
  if (saved !== value) {
    setSaved(value);
    if (draft === saved) setDraft(value);
  }
  const local = check?.(draft);
  const dirty = draft !== value;
  const submit = (event: SyntheticEvent): void => {
    event.preventDefault();
    if (local !== undefined || !dirty) return;
    setPending(true);
    setProblem(null);
    onSave(draft)
      .catch((error: unknown) => {
        setProblem(problemOf(error));
      })
      .finally(() => {
        setPending(false);
      });
  };
  const message = local ?? problem?.message;
  return (
    <form className="setting text-setting" onSubmit={submit} noValidate>
      <label htmlFor={id}>{label}</label>
      <div className="inline">
        <input
          id={id}
          type={type}
          value={draft}
          spellCheck={false}
          autoComplete="off"
          onChange={(event) => {
            setDraft(event.target.value);
            setProblem(null);
          }}
          aria-invalid={message !== undefined}
          aria-describedby={`${id}-hint ${id}-problem`}
        />
        <button
          type="submit"
          disabled={!dirty || local !== undefined || pending}
          aria-label={`Save ${label}`}
        >
          Save
        </button>
      </div>
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      {preview?.(draft)}
      <p id={`${id}-problem`} className="field-problem" aria-live="polite">
        {message}
      </p>
    </form>
  );
}
