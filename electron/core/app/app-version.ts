import packageJson from '../../../package.json';

/** SSO Tray's version, from package.json (bundled in at build time). */
export const appVersion: string = packageJson.version;
