// `npm run bench [-- NAME…]`: prints figures, asserts nothing. Quote them with the machine they
// came from. Names pick some benchmarks (startup, emulator, switch, credentials, switcher,
// discovery); the discovery one takes about ten minutes, since it runs at real throttle limits.
import { cpus, totalmem } from 'node:os';
import { credentialProcessBench } from './credential-process-bench';
import { discoveryBench } from './discovery-bench';
import { emulatorBench } from './emulator-bench';
import { startupBench } from './startup-bench';
import { switchBench } from './switch-bench';
import { switcherBench } from './switcher-bench';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const benchmarks: Record<string, () => Promise<void>> = {
  startup: startupBench,
  emulator: emulatorBench,
  switch: switchBench,
  credentials: credentialProcessBench,
  switcher: switcherBench,
  discovery: discoveryBench,
};

const asked = process.argv.slice(2);
const unknown = asked.filter((name) => !(name in benchmarks));
if (unknown.length > 0) {
  console.error(`unknown benchmark ${unknown.join(', ')}; choose from ${Object.keys(benchmarks).join(', ')}`);
  process.exit(2);
}

const cpu = cpus()[0]?.model ?? 'unknown CPU';
console.log(
  `SSO Tray benchmarks on ${cpu}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
);
for (const [name, run] of Object.entries(benchmarks))
  if (asked.length === 0 || asked.includes(name)) await run();
