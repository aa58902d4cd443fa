// Runs in the sandboxed preload context: exposes a narrow, named API to the window through
// contextBridge, and never ipcRenderer itself (architecture.md rule 2).
import { contextBridge } from 'electron';
import packageJson from '../../package.json';
import { preloadGlobalName, type SsoTrayApi } from '../../shared/preload-api';

const api: SsoTrayApi = { appVersion: packageJson.version, platform: process.platform };

contextBridge.exposeInMainWorld(preloadGlobalName, api);
