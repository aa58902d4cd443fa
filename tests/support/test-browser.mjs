#!/usr/bin/env node
// A stand-in for a person at a browser, used as $BROWSER in tests. It gets the URL as its last
// argument and, on the emulator's pages, approves or denies as SSO_TRAY_TEST_BROWSER says
// (approve | deny | ignore), following redirects to the app's loopback listener like a browser.
// Every URL it is given is appended to SSO_TRAY_TEST_BROWSER_LOG when set.
import { appendFileSync } from 'node:fs';

const url = process.argv[process.argv.length - 1] ?? '';
const decision = process.env.SSO_TRAY_TEST_BROWSER ?? 'approve';
if (process.env.SSO_TRAY_TEST_BROWSER_LOG) appendFileSync(process.env.SSO_TRAY_TEST_BROWSER_LOG, `${url}\n`);

/** Only loopback addresses are visited: a test must never reach AWS (the console's real host). */
const isLoopback = (target) => ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(target).hostname);

async function follow(response) {
  let current = response;
  for (let hops = 0; current.status >= 300 && current.status < 400 && hops < 5; hops++) {
    const location = new URL(current.headers.get('location') ?? '', current.url || undefined).href;
    if (!isLoopback(location)) break;
    current = await fetch(location, { redirect: 'manual' });
  }
  return current;
}

async function answer(formUrl, fields) {
  const body = new URLSearchParams({ ...fields, decision: decision === 'approve' ? 'approve' : 'deny' });
  const response = await fetch(formUrl, { method: 'POST', body, redirect: 'manual' });
  await follow(response);
}

if (decision !== 'ignore' && isLoopback(url)) {
  const page = await fetch(url, { redirect: 'manual' });
  if (page.status >= 300 && page.status < 400) {
    await follow(page);
  } else {
    const html = await page.text();
    const origin = new URL(url).origin;
    const request = /name="request" value="([^"]+)"/.exec(html)?.[1];
    const userCode = /name="user_code" value="([^"]+)"/.exec(html)?.[1];
    if (request) await answer(`${origin}/authorize/decision`, { request });
    else if (userCode) await answer(`${origin}/device/decision`, { user_code: userCode });
  }
}
