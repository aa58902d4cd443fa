import { awsErrorReply, portalNamespace, ServiceFault, type Reply } from './http-kit';

/**
 * The portal exceptions of the service model (aws-sso-reference.md §2.3), plus `ForbiddenException`,
 * which the real portal sends (unmodelled) when the user lost access to a role.
 */
export const portalErrors = {
  UnauthorizedException: 401,
  TooManyRequestsException: 429,
  ResourceNotFoundException: 404,
  InvalidRequestException: 400,
  ForbiddenException: 403,
  InternalServerException: 500,
} as const;

export type PortalErrorName = keyof typeof portalErrors;

export function portalErrorReply(name: PortalErrorName, message: string): Reply {
  return awsErrorReply({ name, status: portalErrors[name], namespace: portalNamespace }, { message });
}

export function portalFault(name: PortalErrorName, message: string): ServiceFault {
  return new ServiceFault(portalErrorReply(name, message));
}
