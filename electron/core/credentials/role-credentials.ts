/** Temporary credentials of one role, as GetRoleCredentials returns them. Secret: never logged. */
export interface RoleCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  /** Epoch milliseconds. */
  expiresAtMs: number;
}

/** Which role's credentials: one account and role in one session. */
export interface RoleRef {
  session: string;
  accountId: string;
  roleName: string;
}

export function parseRoleCredentials(value: unknown): RoleCredentials | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { accessKeyId, secretAccessKey, sessionToken, expiresAtMs } = value as Record<string, unknown>;
  if (typeof accessKeyId !== 'string' || typeof secretAccessKey !== 'string') return undefined;
  if (typeof sessionToken !== 'string' || typeof expiresAtMs !== 'number') return undefined;
  return { accessKeyId, secretAccessKey, sessionToken, expiresAtMs };
}
