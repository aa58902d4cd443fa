export { Emulator, type EmulatorOptions, type InjectedFault, type ApiOperation } from './emulator';
export { defaultKnobs, type EmulatorKnobs } from './knobs';
export { generateOrg, defaultStartUrl, defaultRegion, type Org, type OrgAccount } from './org-fixture';
export { writeAwsCliEndpointRuleSets } from './aws-cli-endpoints';
export { oidcErrors, type OidcErrorName } from './oidc-errors';
export { portalErrors, type PortalErrorName } from './portal-errors';
export type { ConsoleLogin } from './federation-service';
export type { RequestLogEntry } from './request-log';
