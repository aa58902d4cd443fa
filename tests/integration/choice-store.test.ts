// The active choice and the recent list survive the process, most recent first, each role once,
// and a damaged state file never stops SSO Tray (it is only a memory).
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ChoiceStore } from '../../electron/core/switching/choice-store';
import { createTempHome, type TempHome } from '../support/temp-home';

let home: TempHome;

beforeEach(async () => {
  home = await createTempHome();
});

afterEach(async () => {
  await home.dispose();
});

const choice = (accountId: string, roleName = 'Admin') => ({
  profile: 'default',
  session: 'corp',
  accountId,
  roleName,
});

describe('ChoiceStore', () => {
  it('remembers the active choice and keeps each role once, most recent first, at most 20', async () => {
    const store = new ChoiceStore(join(home.root, 'data'));
    for (let i = 0; i < 25; i++)
      await store.remember(
        choice(String(i).padStart(12, '0')),
        `acct-${i}`,
        `2026-11-30T09:00:${String(i).padStart(2, '0')}.000Z`,
      );
    await store.remember(choice('000000000020'), 'acct-20', '2026-11-30T10:00:00.000Z');
    const state = await new ChoiceStore(join(home.root, 'data')).read();
    expect(state.active).toEqual(choice('000000000020'));
    expect(state.recent).toHaveLength(20);
    expect(state.recent.map((item) => item.accountName).slice(0, 3)).toEqual([
      'acct-20',
      'acct-24',
      'acct-23',
    ]);
    expect(state.recent.filter((item) => item.accountId === '000000000020')).toHaveLength(1);
    expect((await stat(store.file)).mode & 0o777).toBe(0o600);
  });

  it('stars and unstars favourites, each role once, kept beside the active choice', async () => {
    const store = new ChoiceStore(join(home.root, 'data'));
    const role = (accountId: string) => ({
      session: 'corp',
      accountId,
      accountName: `a-${accountId}`,
      roleName: 'Admin',
    });
    await store.remember(choice('111111111111'), 'prod', '2026-11-30T09:00:00.000Z');
    await store.setFavourite(role('222222222222'), true);
    await store.setFavourite(role('333333333333'), true);
    await store.setFavourite(role('222222222222'), true);
    expect((await store.read()).favourites).toEqual([role('333333333333'), role('222222222222')]);
    await store.setFavourite(role('333333333333'), false);
    const state = await store.read();
    expect(state.favourites).toEqual([role('222222222222')]);
    expect(state.active).toEqual(choice('111111111111'));
  });

  it('reads a missing or damaged file as no choice, and writes over it on the next switch', async () => {
    const store = new ChoiceStore(join(home.root, 'data'));
    expect(await store.read()).toEqual({ active: null, recent: [], favourites: [] });
    await store.remember(choice('111111111111'), 'prod', '2026-11-30T09:00:00.000Z');
    await writeFile(store.file, '{ not json');
    expect(await store.read()).toEqual({ active: null, recent: [], favourites: [] });
    await writeFile(
      store.file,
      JSON.stringify({ active: { profile: 'default' }, recent: [{ session: 1 }, 'x'] }),
    );
    expect(await store.read()).toEqual({ active: null, recent: [], favourites: [] });
    await store.remember(choice('222222222222'), 'dev', '2026-11-30T09:01:00.000Z');
    expect(JSON.parse(await readFile(store.file, 'utf8'))).toMatchObject({ active: choice('222222222222') });
  });
});
