import { spawnSync } from 'node:child_process';

/**
 * The AWS CLI's own config loader (botocore's `raw_config_parse` + `build_profile_map`), as the
 * judge of what SSO Tray writes (aws-sso-reference.md §4.2). Debian's `awscli` package ships it
 * vendored under `awscli.botocore`; a python3 with botocore itself works too. Its absence fails the
 * tests that use it: they are not optional.
 */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type Profiles = Record<string, Record<string, Json>>;

export interface LoadedConfig {
  profiles: Profiles;
  sso_sessions: Profiles;
  [other: string]: Json | Profiles;
}

const script = String.raw`
import json, sys
try:
    from awscli.botocore.configloader import raw_config_parse, build_profile_map
except ImportError:
    from botocore.configloader import raw_config_parse, build_profile_map
out = {}
for path in json.load(sys.stdin):
    try:
        out[path] = {"config": build_profile_map(raw_config_parse(path))}
    except Exception as error:
        out[path] = {"error": type(error).__name__ + ": " + str(error)}
json.dump(out, sys.stdout)
`;

let python: string | undefined;

function oraclePython(): string {
  python ??= ['/usr/bin/python3', 'python3'].find(
    (candidate) => spawnSync(candidate, ['-c', script], { input: '[]', encoding: 'utf8' }).status === 0,
  );
  if (!python)
    throw new Error('no python3 with botocore: install the awscli package (scripts/test-everything.sh does)');
  return python;
}

/** Loads each file with botocore; a file it refuses gives `error` (the exception's name and text). */
export function loadWithBotocore(paths: string[]): Record<string, { config?: LoadedConfig; error?: string }> {
  const result = spawnSync(oraclePython(), ['-c', script], {
    input: JSON.stringify(paths),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`botocore loader failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as Record<string, { config?: LoadedConfig; error?: string }>;
}
