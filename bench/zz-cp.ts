import { credentialProcessBench } from './credential-process-bench';
await credentialProcessBench();
