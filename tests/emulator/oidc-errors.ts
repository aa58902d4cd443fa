import { awsErrorReply, oidcNamespace, ServiceFault, type Reply } from './http-kit';

/**
 * The SSO OIDC exceptions of the service model, each with its HTTP status and OAuth `error` code
 * (aws-sso-reference.md §1.6).
 */
export const oidcErrors = {
  AuthorizationPendingException: { status: 400, error: 'authorization_pending' },
  SlowDownException: { status: 400, error: 'slow_down' },
  ExpiredTokenException: { status: 400, error: 'expired_token' },
  AccessDeniedException: { status: 400, error: 'access_denied' },
  InvalidClientException: { status: 401, error: 'invalid_client' },
  InvalidGrantException: { status: 400, error: 'invalid_grant' },
  InvalidRequestException: { status: 400, error: 'invalid_request' },
  UnauthorizedClientException: { status: 400, error: 'unauthorized_client' },
  UnsupportedGrantTypeException: { status: 400, error: 'unsupported_grant_type' },
  InvalidScopeException: { status: 400, error: 'invalid_scope' },
  InternalServerException: { status: 500, error: 'server_error' },
  InvalidClientMetadataException: { status: 400, error: 'invalid_client_metadata' },
  InvalidRedirectUriException: { status: 400, error: 'invalid_redirect_uri' },
} as const;

export type OidcErrorName = keyof typeof oidcErrors;

export function oidcErrorReply(name: OidcErrorName, description: string, reason?: string): Reply {
  const { status, error } = oidcErrors[name];
  return awsErrorReply(
    { name, status, namespace: oidcNamespace },
    { error, error_description: description, ...(reason === undefined ? {} : { reason }) },
  );
}

export function oidcFault(name: OidcErrorName, description: string, reason?: string): ServiceFault {
  return new ServiceFault(oidcErrorReply(name, description, reason));
}
