// `npm run demo`: the tray app against a local IAM Identity Center, with nothing of yours touched.
// It builds the app, starts the emulator (sign-ins approved automatically), makes a scratch HOME
// with an AWS config that has an sso-session for it and SSO Tray data that keeps tokens out of the
// OS keychain (scripts/demo-home.ts), and launches the app with that environment. Quitting the
// app stops the emulator and deletes the scratch folder (pass --keep to keep it).
//
// Run through tsx (see package.json) so it can use the emulator's TypeScript directly.
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Emulator } from '../tests/emulator/index.ts';
import { createDemoHome } from './demo-home.ts';
import { findElectronBinary } from './electron-binary.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const keep = process.argv.includes('--keep');

const electron = findElectronBinary(root);
if (!electron.found) {
  console.error(`npm run demo: cannot launch the app: ${electron.reason}.`);
  console.error('The CLI works without Electron: npm run emulator -- --auto-approve prints the settings,');
  console.error('then, with its exports: npm run build && node dist/cli/sso-tray.cjs login SESSION');
  process.exit(1);
}

const build = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], {
  cwd: root,
  stdio: 'inherit',
});
if (build.status !== 0) process.exit(build.status ?? 1);

const emulator = await Emulator.start({ accounts: 12, rolesPerAccount: 3, knobs: { autoApprove: true } });
const home = createDemoHome(emulator);
const { env } = home;

const exports = Object.entries(env)
  .map(([key, value]) => `  export ${key}=${value}`)
  .join('\n');
console.log(`IAM Identity Center emulator on ${emulator.url} (${emulator.org.accounts.length} accounts; sign-ins approved automatically)
AWS config with [sso-session ${home.session}]: ${env.AWS_CONFIG_FILE}
Scratch home: ${home.root}${keep ? ' (kept)' : ' (deleted when the app quits; --keep keeps it)'}
The CLI in another terminal, against the same data:
${exports}
  node ${join(root, 'dist', 'cli', 'sso-tray.cjs')} status
Launching SSO Tray; quit it from the tray menu (or Ctrl-C here) to stop the demo.`);

// None of your AWS_* variables (AWS_PROFILE, keys) reach the app: only the demo's.
const yourEnv = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('AWS_')));
const app = spawn(electron.path, ['.'], {
  cwd: root,
  env: { ...yourEnv, ...env, ELECTRON_ENABLE_LOGGING: '1' },
  stdio: 'inherit',
});

let stopping = false;
async function stop(code) {
  if (stopping) return;
  stopping = true;
  await emulator.close();
  if (!keep) home.dispose();
  process.exit(code);
}
app.on('error', (error) => {
  console.error(`npm run demo: could not start Electron (${electron.path}): ${error.message}`);
  void stop(1);
});
app.on('exit', (code, signal) => void stop(code ?? (signal ? 1 : 0)));
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    app.kill(signal);
  });
}
