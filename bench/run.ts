// `npm run bench`: prints figures, asserts nothing. Quote them with the machine they came from.
import { cpus, totalmem } from 'node:os';
import { credentialProcessBench } from './credential-process-bench';
import { discoveryBench } from './discovery-bench';
import { emulatorBench } from './emulator-bench';
import { startupBench } from './startup-bench';
import { switchBench } from './switch-bench';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const cpu = cpus()[0]?.model ?? 'unknown CPU';
console.log(
  `SSO Tray benchmarks on ${cpu}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
);
await startupBench();
await emulatorBench();
await switchBench();
await credentialProcessBench();
await discoveryBench();
