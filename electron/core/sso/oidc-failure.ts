import { AppError } from '../app/app-error';
import { errorName } from './oidc-client';

/**
 * Turns what the SDK throws during a sign-in into one line that says what happened and what to do.
 * AppErrors pass through; modelled OIDC errors and network failures get a message of their own.
 */
export function describeOidcFailure(error: unknown, endpointHint: string): AppError {
  if (error instanceof AppError) return error;
  const name = errorName(error) ?? '';
  switch (name) {
    case 'InvalidGrantException':
    case 'ExpiredTokenException':
      return new AppError(
        'SessionExpired',
        'IAM Identity Center refused the sign-in as expired or already used; sign in again.',
        { cause: error },
      );
    case 'AccessDeniedException':
      return new AppError(
        'AccessDenied',
        'IAM Identity Center denied the sign-in; check with your administrator that you may use this portal.',
        { cause: error },
      );
    case 'InvalidRequestException':
    case 'InvalidScopeException':
    case 'UnsupportedGrantTypeException':
    case 'InvalidClientMetadataException':
    case 'InvalidRedirectUriException':
      return new AppError(
        'InvalidInput',
        `IAM Identity Center rejected the sign-in request (${name}); check the session's start URL, region and sso_registration_scopes.`,
        { cause: error },
      );
    case 'InternalServerException':
      return new AppError(
        'NetworkError',
        'IAM Identity Center had an internal error; try again in a minute.',
        { cause: error },
      );
    default:
      return new AppError(
        'NetworkError',
        `Could not complete the sign-in with IAM Identity Center at ${endpointHint} (${name || 'no answer'}); check your network and the session's region.`,
        { cause: error },
      );
  }
}
