import type { SsoTrayApi } from '../../../shared/preload-api';

declare global {
  interface Window {
    ssoTray?: SsoTrayApi;
  }
}

/** The window's shell. The first-run, sign-in and switcher screens render inside it. */
export function App() {
  const api = window.ssoTray;
  return (
    <main className="shell">
      <h1>SSO Tray</h1>
      <p>AWS IAM Identity Center accounts and roles, one click away.</p>
      <p className="muted" aria-label="Version">
        {api ? `Version ${api.appVersion}` : 'Running outside the app'}
      </p>
    </main>
  );
}
