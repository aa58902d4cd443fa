import { useId, useState, type SyntheticEvent, type ReactNode } from 'react';
import type { SignInFlow } from '../../../../shared/ipc-contract';
import { regionExample, startUrlExample } from '../../../../shared/session-input';
import { ProblemBanner } from '../../components/ProblemBanner';
import { useApi } from '../../state/api-context';
import { useSignIn } from '../../state/sign-in-runner';
import { useApiCall } from '../../state/use-api-call';
import { sessionFormProblems, suggestedSessionName } from './session-form';

const commonRegions = [
  'us-east-1',
  'us-east-2',
  'us-west-2',
  'eu-west-1',
  'eu-central-1',
  'eu-north-1',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-northeast-1',
  'ca-central-1',
];

interface AddSessionFormProps {
  readonly existing: readonly string[];
  readonly onCancel?: (() => void) | undefined;
}

/**
 * Adds an `[sso-session]` to the AWS config (start URL, region, name), checked as the user types,
 * then signs in to it.
 */
export function AddSessionForm({ existing, onCancel }: AddSessionFormProps) {
  const api = useApi();
  const signIn = useSignIn();
  const id = useId();
  const [startUrl, setStartUrl] = useState('');
  const [region, setRegion] = useState('');
  const [name, setName] = useState('');
  const [nameEdited, setNameEdited] = useState(false);
  const [flow, setFlow] = useState<SignInFlow>('pkce');
  const [touched, setTouched] = useState({ startUrl: false, region: false, name: false });
  const add = useApiCall(api.addSession);

  const effectiveName = nameEdited ? name : suggestedSessionName(startUrl);
  const problems = sessionFormProblems({ startUrl, region, name: effectiveName }, existing);
  const valid = !problems.startUrl && !problems.region && !problems.name;
  const shown = (field: keyof typeof touched): string | undefined =>
    touched[field] ? problems[field] : undefined;

  const submit = (event: SyntheticEvent): void => {
    event.preventDefault();
    setTouched({ startUrl: true, region: true, name: true });
    if (!valid) return;
    const session = effectiveName.trim();
    void add.run({ name: session, startUrl: startUrl.trim(), region: region.trim() }).then((outcome) => {
      if (outcome.ok) signIn.start(session, flow);
    });
  };

  return (
    <form className="form" onSubmit={submit} aria-label="Add an IAM Identity Center session" noValidate>
      <Field
        id={`${id}-url`}
        label="Start URL"
        hint={`The address of your AWS access portal, for example ${startUrlExample}`}
        problem={shown('startUrl')}
      >
        <input
          id={`${id}-url`}
          type="url"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          placeholder={startUrlExample}
          value={startUrl}
          onChange={(event) => {
            setStartUrl(event.target.value);
            setTouched((t) => ({ ...t, startUrl: true }));
          }}
          aria-invalid={shown('startUrl') !== undefined}
          aria-describedby={`${id}-url-hint ${id}-url-problem`}
        />
      </Field>
      <Field
        id={`${id}-region`}
        label="Region"
        hint={`Where IAM Identity Center runs, for example ${regionExample}`}
        problem={shown('region')}
      >
        <input
          id={`${id}-region`}
          list={`${id}-regions`}
          autoComplete="off"
          spellCheck={false}
          placeholder={regionExample}
          value={region}
          onChange={(event) => {
            setRegion(event.target.value);
            setTouched((t) => ({ ...t, region: true }));
          }}
          aria-invalid={shown('region') !== undefined}
          aria-describedby={`${id}-region-hint ${id}-region-problem`}
        />
        <datalist id={`${id}-regions`}>
          {commonRegions.map((candidate) => (
            <option key={candidate} value={candidate} />
          ))}
        </datalist>
      </Field>
      <Field
        id={`${id}-name`}
        label="Session name"
        hint="How the AWS config names it ([sso-session NAME]), for example my-company"
        problem={shown('name')}
      >
        <input
          id={`${id}-name`}
          autoComplete="off"
          spellCheck={false}
          value={effectiveName}
          onChange={(event) => {
            setName(event.target.value);
            setNameEdited(true);
            setTouched((t) => ({ ...t, name: true }));
          }}
          aria-invalid={shown('name') !== undefined}
          aria-describedby={`${id}-name-hint ${id}-name-problem`}
        />
      </Field>
      <fieldset className="choices">
        <legend>Sign in</legend>
        <label>
          <input
            type="radio"
            name={`${id}-flow`}
            checked={flow === 'pkce'}
            onChange={() => {
              setFlow('pkce');
            }}
          />{' '}
          In this computer&apos;s browser (recommended)
        </label>
        <label>
          <input
            type="radio"
            name={`${id}-flow`}
            checked={flow === 'device-code'}
            onChange={() => {
              setFlow('device-code');
            }}
          />{' '}
          With a code, on any device
        </label>
      </fieldset>
      {add.problem && <ProblemBanner problem={add.problem} onDismiss={add.clear} />}
      <div className="form-actions">
        {onCancel && (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        )}
        <button type="submit" className="primary" disabled={add.pending}>
          {add.pending ? 'Adding…' : 'Add and sign in'}
        </button>
      </div>
    </form>
  );
}

interface FieldProps {
  readonly id: string;
  readonly label: string;
  readonly hint: string;
  readonly problem: string | undefined;
  readonly children: ReactNode;
}

function Field({ id, label, hint, problem, children }: FieldProps) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
      <p id={`${id}-hint`} className="hint">
        {hint}
      </p>
      <p id={`${id}-problem`} className="field-problem" aria-live="polite">
        {problem}
      </p>
    </div>
  );
}
