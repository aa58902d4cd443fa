import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ActiveChoice } from '../../../shared/session-snapshot';
import { writeFileAtomic } from '../aws-files/atomic-write';

/** A role the user switched to, for the recent list of the tray and the window. */
export interface RecentChoice {
  session: string;
  accountId: string;
  accountName: string;
  roleName: string;
  /** ISO-8601. */
  usedAt: string;
}

export interface ChoiceState {
  active: ActiveChoice | null;
  /** Most recent first, each role once. */
  recent: RecentChoice[];
}

const recentLimit = 20;

/**
 * The active choice and the recent list, in `<SSO_TRAY_HOME>/state.json`: app data, not settings
 * (nothing a user edits), and nothing secret. A damaged file reads as empty: it is only a memory.
 */
export class ChoiceStore {
  readonly file: string;

  constructor(appHome: string) {
    this.file = join(appHome, 'state.json');
  }

  async read(): Promise<ChoiceState> {
    try {
      return sanitize(JSON.parse(await readFile(this.file, 'utf8')));
    } catch {
      return { active: null, recent: [] };
    }
  }

  /** Records a switch: the new active choice, and the role on top of the recent list. */
  async remember(active: ActiveChoice, accountName: string, usedAt: string): Promise<ChoiceState> {
    const state = await this.read();
    const same = (item: RecentChoice): boolean =>
      item.session === active.session &&
      item.accountId === active.accountId &&
      item.roleName === active.roleName;
    const recent = [
      {
        session: active.session,
        accountId: active.accountId,
        accountName,
        roleName: active.roleName,
        usedAt,
      },
      ...state.recent.filter((item) => !same(item)),
    ].slice(0, recentLimit);
    const next = { active, recent };
    await writeFileAtomic(this.file, `${JSON.stringify(next, null, 2)}\n`, { mode: 0o600, forceMode: true });
    return next;
  }
}

function sanitize(value: unknown): ChoiceState {
  const input = isRecord(value) ? value : {};
  const active = isRecord(input.active) ? input.active : undefined;
  const strings = (record: Record<string, unknown>, keys: readonly string[]): boolean =>
    keys.every((key) => typeof record[key] === 'string');
  return {
    active:
      active && strings(active, ['profile', 'session', 'accountId', 'roleName'])
        ? {
            profile: active.profile as string,
            session: active.session as string,
            accountId: active.accountId as string,
            roleName: active.roleName as string,
          }
        : null,
    recent: (Array.isArray(input.recent) ? input.recent : [])
      .filter(isRecord)
      .filter((item) => strings(item, ['session', 'accountId', 'accountName', 'roleName', 'usedAt']))
      .map((item) => ({
        session: item.session as string,
        accountId: item.accountId as string,
        accountName: item.accountName as string,
        roleName: item.roleName as string,
        usedAt: item.usedAt as string,
      }))
      .slice(0, recentLimit),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
