// The Content-Security-Policy every SSO Tray page carries (architecture.md rule 4). It lives in a
// <meta> tag of renderer/index.html, so it travels with the bundle loaded from disk; a unit test
// keeps that tag and this constant identical.
//
// Vite's production build emits only external module scripts and stylesheets with a relative
// base, so 'self' is enough: no 'unsafe-inline', no 'unsafe-eval', and the renderer talks to
// nothing over the network (connect-src 'none'): everything goes through the preload API.
// frame-ancestors is left out: Chromium ignores it in a <meta> tag and logs a warning, and a page
// loaded from file:// cannot be framed by a web origin anyway.

/** The directives, in the order they appear in renderer/index.html. */
export const contentSecurityPolicyDirectives: readonly string[] = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
];

/** The policy as one header value, exactly as the renderer's <meta http-equiv> carries it. */
export const contentSecurityPolicy = contentSecurityPolicyDirectives.join('; ');
