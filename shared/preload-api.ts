/**
 * The API the preload script exposes to the window as `window.ssoTray`. It is deliberately narrow
 * (architecture.md rule 2); the typed IPC contract that grows it lives beside it in `shared/`.
 */
export interface SsoTrayApi {
  readonly appVersion: string;
  readonly platform: string;
}

export const preloadGlobalName = 'ssoTray';
