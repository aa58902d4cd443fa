import { describe, expect, expectTypeOf, it } from 'vitest';
import { errorCodes } from '../../shared/error-code';
import {
  eventChannel,
  eventListenerKey,
  eventNames,
  invokeChannel,
  invokeMethodNames,
  ipcContract,
  settingNames,
  settingUpdateSchema,
  type SettingName,
  type SettingsView,
} from '../../shared/ipc-contract';
import { results, validRequests } from '../support/ipc-fixtures';

describe('the IPC contract', () => {
  it('derives distinct channel names from its keys', () => {
    expect(invokeChannel('useRole')).toBe('sso-tray:useRole');
    expect(eventChannel('snapshot')).toBe('sso-tray:event:snapshot');
    const channels = [...invokeMethodNames.map(invokeChannel), ...eventNames.map(eventChannel)];
    expect(new Set(channels).size).toBe(channels.length);
  });

  it('names the preload subscription of each event on<Event>', () => {
    expect(eventNames.map(eventListenerKey)).toEqual(['onSnapshot', 'onFocusSearch', 'onShowView']);
  });

  it('accepts the sample payload of every method', () => {
    for (const method of invokeMethodNames)
      expect(ipcContract.invoke[method].request.safeParse(validRequests[method]).success, method).toBe(true);
  });

  it('keeps only known fields and values (parsed equals sent for a valid payload)', () => {
    for (const method of invokeMethodNames)
      expect(ipcContract.invoke[method].request.parse(validRequests[method])).toEqual(validRequests[method]);
  });

  it('lists every setting once, and every setting the view shows can be updated', () => {
    expect(new Set(settingNames).size).toBe(settingNames.length);
    expect([...settingNames].sort()).toEqual(Object.keys(results.getSettings).sort());
    for (const [name, value] of Object.entries(results.getSettings))
      expect(settingUpdateSchema.safeParse({ name, value }).success, name).toBe(true);
    expectTypeOf<SettingName>().toEqualTypeOf<keyof SettingsView>();
    expectTypeOf<SettingsView['theme']>().toEqualTypeOf<'system' | 'light' | 'dark'>();
  });

  it('answers with codes from the closed set', () => {
    for (const code of ['AccessDenied', 'InvalidInput', 'Internal'] as const)
      expect(errorCodes).toContain(code);
  });
});
