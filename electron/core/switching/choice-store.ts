import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ActiveChoice, RecentEntry, RoleEntry } from '../../../shared/session-snapshot';
import { writeFileAtomic } from '../aws-files/atomic-write';

export interface ChoiceState {
  active: ActiveChoice | null;
  /** Most recent first, each role once. */
  recent: RecentEntry[];
  /** In the order they were starred. */
  favourites: RoleEntry[];
}

const recentLimit = 20;
const emptyState = (): ChoiceState => ({ active: null, recent: [], favourites: [] });

/**
 * The active choice, the recent list and the favourites, in `<SSO_TRAY_HOME>/state.json`: app
 * data, not settings (nothing a user edits by hand), and nothing secret. A damaged file reads as
 * empty: it is only a memory.
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
      return emptyState();
    }
  }

  /** Records a switch: the new active choice, and the role on top of the recent list. */
  async remember(active: ActiveChoice, accountName: string, usedAt: string): Promise<ChoiceState> {
    const state = await this.read();
    const recent = [
      {
        session: active.session,
        accountId: active.accountId,
        accountName,
        roleName: active.roleName,
        usedAt,
      },
      ...state.recent.filter((item) => !sameRole(item, active)),
    ].slice(0, recentLimit);
    return this.write({ ...state, active, recent });
  }

  /** Stars or unstars a role. */
  async setFavourite(role: RoleEntry, favourite: boolean): Promise<ChoiceState> {
    const state = await this.read();
    const others = state.favourites.filter((item) => !sameRole(item, role));
    return this.write({ ...state, favourites: favourite ? [...others, { ...role }] : others });
  }

  private async write(state: ChoiceState): Promise<ChoiceState> {
    await writeFileAtomic(this.file, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600, forceMode: true });
    return state;
  }
}

function sameRole(a: { session: string; accountId: string; roleName: string }, b: typeof a): boolean {
  return a.session === b.session && a.accountId === b.accountId && a.roleName === b.roleName;
}

function sanitize(value: unknown): ChoiceState {
  const input = isRecord(value) ? value : {};
  const active = isRecord(input.active) ? input.active : undefined;
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
    recent: records(input.recent, ['session', 'accountId', 'accountName', 'roleName', 'usedAt'])
      .map((item) => ({ ...roleOf(item), usedAt: item.usedAt as string }))
      .slice(0, recentLimit),
    favourites: records(input.favourites, ['session', 'accountId', 'accountName', 'roleName']).map(roleOf),
  };
}

function roleOf(item: Record<string, unknown>): RoleEntry {
  return {
    session: item.session as string,
    accountId: item.accountId as string,
    accountName: item.accountName as string,
    roleName: item.roleName as string,
  };
}

/** The items of a list that are records with string values for every key. */
function records(value: unknown, keys: readonly string[]): Record<string, unknown>[] {
  return (Array.isArray(value) ? value : []).filter(isRecord).filter((item) => strings(item, keys));
}

function strings(record: Record<string, unknown>, keys: readonly string[]): boolean {
  return keys.every((key) => typeof record[key] === 'string');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
