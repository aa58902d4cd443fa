// The bridge test page's script: uses window.ssoTray as the renderer does, under the renderer's CSP.
/* global document */
const api = globalThis.ssoTray;
const byId = (id) => document.getElementById(id);
let events = 0;

function render(snapshot) {
  byId('status').textContent = snapshot.sessions
    .map((session) => `${session.name}: ${session.status}`)
    .join(', ');
  byId('snapshot').textContent = JSON.stringify(snapshot, null, 2);
}

byId('version').textContent = api.appVersion;
byId('platform').textContent = api.platform;
api.onSnapshot((snapshot) => {
  events += 1;
  byId('event-count').textContent = String(events);
  render(snapshot);
});
api.getSnapshot().then(render, (error) => {
  byId('error').textContent = `${error.code}: ${error.message}`;
});
byId('sign-in').addEventListener('click', () => {
  byId('error').textContent = '';
  api.signIn({ session: 'corp', flow: 'device-code' }).catch((error) => {
    byId('error').textContent = `${error.code}: ${error.message}`;
  });
});
