import { describe, expect, it } from 'vitest';
import { resolveAppPaths } from '../../electron/core/app/app-paths';

describe('resolveAppPaths', () => {
  it('puts everything under HOME by default, with the Electron userData folder on Linux', () => {
    expect(resolveAppPaths({ HOME: '/home/ana' }, 'linux')).toEqual({
      home: '/home/ana',
      awsConfigFile: '/home/ana/.aws/config',
      awsCredentialsFile: '/home/ana/.aws/credentials',
      awsSsoCacheDir: '/home/ana/.aws/sso/cache',
      appHome: '/home/ana/.config/sso-tray',
    });
  });

  it('honours AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE and SSO_TRAY_HOME, expanding a leading ~', () => {
    const paths = resolveAppPaths(
      {
        HOME: '/home/ana',
        AWS_CONFIG_FILE: '~/dotfiles/aws-config',
        AWS_SHARED_CREDENTIALS_FILE: '/etc/creds',
        SSO_TRAY_HOME: '/tmp/x',
      },
      'linux',
    );
    expect(paths.awsConfigFile).toBe('/home/ana/dotfiles/aws-config');
    expect(paths.awsCredentialsFile).toBe('/etc/creds');
    expect(paths.appHome).toBe('/tmp/x');
    // The AWS CLI hard-codes its cache under home, whatever AWS_CONFIG_FILE says.
    expect(paths.awsSsoCacheDir).toBe('/home/ana/.aws/sso/cache');
  });

  it('follows XDG_CONFIG_HOME on Linux and the platform folders elsewhere', () => {
    expect(resolveAppPaths({ HOME: '/h', XDG_CONFIG_HOME: '/h/xdg' }, 'linux').appHome).toBe(
      '/h/xdg/sso-tray',
    );
    expect(resolveAppPaths({ HOME: '/Users/ana' }, 'darwin').appHome).toBe(
      '/Users/ana/Library/Application Support/sso-tray',
    );
    expect(
      resolveAppPaths(
        { USERPROFILE: 'C:\\Users\\ana', APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' },
        'win32',
      ),
    ).toMatchObject({
      home: 'C:\\Users\\ana',
      awsConfigFile: 'C:\\Users\\ana\\.aws\\config',
      appHome: 'C:\\Users\\ana\\AppData\\Roaming\\sso-tray',
    });
  });

  it('finds home like the JS SDK: HOME, then USERPROFILE, then HOMEDRIVE+HOMEPATH', () => {
    expect(resolveAppPaths({ HOMEDRIVE: 'D:', HOMEPATH: '\\Users\\bo' }, 'win32').home).toBe('D:\\Users\\bo');
    expect(resolveAppPaths({ HOME: '', USERPROFILE: 'C:\\Users\\cy' }, 'win32').home).toBe('C:\\Users\\cy');
  });
});
