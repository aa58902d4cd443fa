import { escapeHtml } from './http-kit';

/**
 * The browser pages of the emulator: the device verification page and the authorization approval
 * page. Plain forms with labelled buttons, so a person or a Playwright test can approve or deny.
 */
function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font:16px system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem}
code{font-size:2rem;letter-spacing:.1em}button{font:inherit;padding:.5rem 1.5rem;margin-right:1rem}
.note{color:#555}</style></head>
<body><p class="note">IAM Identity Center emulator (local, for tests)</p>${body}</body></html>`;
}

export function deviceCodeEntryPage(message?: string): string {
  return page(
    'Authorize request',
    `<h1>Authorize request</h1>${message ? `<p role="alert">${escapeHtml(message)}</p>` : ''}
<form method="get" action="/device"><label>Code <input name="user_code" autocomplete="off"></label>
<button type="submit">Next</button></form>`,
  );
}

export function deviceApprovalPage(userCode: string): string {
  const code = escapeHtml(userCode);
  return page(
    'Authorize request',
    `<h1>Authorize request</h1><p>Does this code match the one on your device?</p><p><code>${code}</code></p>
<form method="post" action="/device/decision"><input type="hidden" name="user_code" value="${code}">
<button type="submit" name="decision" value="approve">Allow access</button>
<button type="submit" name="decision" value="deny">Deny</button></form>`,
  );
}

export function authorizeApprovalPage(requestId: string, clientName: string, scopes: string[]): string {
  return page(
    'Allow access',
    `<h1>Allow ${escapeHtml(clientName)} to access your data?</h1>
<p>Scopes: ${escapeHtml(scopes.join(', ') || 'none')}</p>
<form method="post" action="/authorize/decision"><input type="hidden" name="request" value="${escapeHtml(requestId)}">
<button type="submit" name="decision" value="approve">Allow access</button>
<button type="submit" name="decision" value="deny">Deny</button></form>`,
  );
}

export function resultPage(title: string, message: string): string {
  return page(title, `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p>`);
}
