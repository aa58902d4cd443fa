/**
 * Everything a test or a demo can turn on the emulator. All knobs can be changed while it runs
 * (`emulator.setKnobs`), so one server can play a healthy org and then a throttled or failing one.
 */
export interface EmulatorKnobs {
  /** Access-token lifetime returned as `expiresIn` by CreateToken (IAM Identity Center default: 8 h). */
  accessTokenLifetimeSeconds: number;
  /** Role-credential lifetime for GetRoleCredentials (permission-set default: 1 h). */
  credentialLifetimeSeconds: number;
  /** Client-registration lifetime (`clientSecretExpiresAt - clientIdIssuedAt`; real ones last about 90 days). */
  registrationLifetimeSeconds: number;
  /** Device-code lifetime (`expiresIn` of StartDeviceAuthorization; the AWS CLI says about 10 minutes). */
  deviceCodeLifetimeSeconds: number;
  /** `interval` of StartDeviceAuthorization. Real service: 1 s; 0 makes tests poll as fast as they can. */
  devicePollIntervalSeconds: number;
  /** Lifetime of an authorization code issued by `/authorize`. */
  authorizationCodeLifetimeSeconds: number;
  /** Lifetime of a federation sign-in token (reportedly 15 minutes). */
  signinTokenLifetimeSeconds: number;
  /** Issue a new refresh token on every refresh and invalidate the old one. */
  rotateRefreshTokens: boolean;
  /** Approve device codes and authorization requests without the verification page. */
  autoApprove: boolean;
  /** With `autoApprove`, answer this many `authorization_pending` polls first. */
  pendingPolls: number;
  /** Deny every approval (device code and authorization code): the user pressed "Deny". */
  denyApprovals: boolean;
  /** Answer the first N polls of each device code with `slow_down`. */
  slowDownPolls: number;
  /** Portal API throttle in requests per second (token bucket); `null` means unlimited. */
  tps: number | null;
  /** Token-bucket capacity; defaults to one second's worth of requests. */
  burst: number | null;
  /** Added latency for every API request, in milliseconds. */
  latencyMs: number;
  /** Fraction (0–1) of API requests answered with a 500 `InternalServerException`. */
  errorRate: number;
  /** Fraction (0–1) of API requests whose connection is dropped without an answer. */
  dropRate: number;
  /** Default page size of ListAccounts and ListAccountRoles when `max_result` is absent. */
  defaultPageSize: number;
}

export const defaultKnobs: Readonly<EmulatorKnobs> = Object.freeze({
  accessTokenLifetimeSeconds: 8 * 3600,
  credentialLifetimeSeconds: 3600,
  registrationLifetimeSeconds: 90 * 24 * 3600,
  deviceCodeLifetimeSeconds: 600,
  devicePollIntervalSeconds: 1,
  authorizationCodeLifetimeSeconds: 300,
  signinTokenLifetimeSeconds: 900,
  rotateRefreshTokens: true,
  autoApprove: false,
  pendingPolls: 0,
  denyApprovals: false,
  slowDownPolls: 0,
  tps: null,
  burst: null,
  latencyMs: 0,
  errorRate: 0,
  dropRate: 0,
  defaultPageSize: 20,
});

/** Checks a partial knob set (from a test, the command line or the admin API) and says what is wrong. */
export function validateKnobs(patch: Partial<Record<keyof EmulatorKnobs, unknown>>): Partial<EmulatorKnobs> {
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(patch)) {
    if (!(key in defaultKnobs)) throw new Error(`unknown emulator knob "${key}"`);
    const expected =
      key === 'tps' || key === 'burst' ? 'number|null' : typeof defaultKnobs[key as keyof EmulatorKnobs];
    const ok =
      expected === 'number|null'
        ? value === null || (typeof value === 'number' && value > 0 && Number.isFinite(value))
        : typeof value === expected && (typeof value !== 'number' || (Number.isFinite(value) && value >= 0));
    if (!ok)
      throw new Error(
        `emulator knob "${key}" must be ${expected === 'number|null' ? 'a positive number or null' : expected === 'number' ? 'a non-negative number' : `a ${expected}`}`,
      );
    if ((key === 'errorRate' || key === 'dropRate') && (value as number) > 1) {
      throw new Error(`emulator knob "${key}" is a fraction between 0 and 1`);
    }
    result[key] = value;
  }
  return result;
}
