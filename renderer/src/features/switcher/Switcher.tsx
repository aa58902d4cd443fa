import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { AppSnapshot, RoleEntry } from '../../../../shared/session-snapshot';
import { buildListRows, type RoleRow } from '../../search/list-rows';
import { defaultProfileTemplate } from '../../search/profile-name';
import { search } from '../../search/search';
import { buildSearchIndex } from '../../search/search-index';
import { useStores } from '../../state/api-context';
import { problemOf } from '../../state/error-text';
import { useSettings } from '../../state/settings-store';
import { useSignIn } from '../../state/sign-in-runner';
import { useInventories } from '../../state/snapshot-store';
import { ResultList, optionId, resultListId } from './ResultList';
import { SelectedRoleActions } from './SelectedRoleActions';
import { SessionStatusBar } from './SessionStatusBar';
import { SwitcherBanners, type ActionProblem, type ShadowNotice } from './SwitcherBanners';
import { progressText } from './session-status';

interface SwitcherProps {
  readonly snapshot: AppSnapshot;
  readonly onOpenSettings: () => void;
}

const roleRef = (role: RoleEntry) => ({
  session: role.session,
  accountId: role.accountId,
  roleName: role.roleName,
});

/**
 * Search and switch: the search box (focused on open and on the global shortcut), the ranked and
 * grouped results, the actions on the selected role, and a status line per session.
 */
export function Switcher({ snapshot, onOpenSettings }: SwitcherProps) {
  const { api, inventories: inventoryStore, settings: settingsStore } = useStores();
  const signIn = useSignIn();
  const { inventories, loading } = useInventories(inventoryStore);
  const settings = useSettings(settingsStore);
  const template = settings?.profileTemplate ?? defaultProfileTemplate;
  const index = useMemo(() => buildSearchIndex(inventories, template), [inventories, template]);
  useEffect(() => {
    // The first keystroke searches the profile names: make them while the window waits for it.
    const idle = requestIdleCallback(() => {
      index.profileNames();
    });
    return () => {
      cancelIdleCallback(idle);
    };
  }, [index]);

  const [query, setQuery] = useState('');
  const results = useMemo(() => search(index, query), [index, query]);
  const rows = useMemo(
    () =>
      buildListRows({
        index,
        results,
        favourites: snapshot.favourites,
        recent: snapshot.recent,
        active: snapshot.active,
      }),
    [index, results, snapshot.favourites, snapshot.recent, snapshot.active],
  );

  // The selected row by key (it keeps its place when the list changes) and where it was last.
  const [selection, setSelection] = useState<{ key: string; at: number } | null>(null);
  const [revealToken, setRevealToken] = useState(0);
  const selected = useMemo(() => {
    const at = selection === null ? -1 : rows.indexOf(selection.key, selection.at);
    return at >= 0 ? at : rows.firstRole();
  }, [rows, selection]);
  const selectedRow = useMemo(() => {
    const row = rows.row(selected);
    return row?.kind === 'role' ? row : undefined;
  }, [rows, selected]);

  const [problem, setProblem] = useState<ActionProblem | null>(null);
  const [shadow, setShadow] = useState<ShadowNotice | null>(null);
  const [toast, setToast] = useState<string | null>(null);
  const [refreshing, setRefreshing] = useState<ReadonlySet<string>>(new Set());

  const searchRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    searchRef.current?.focus();
    return api.onFocusSearch(() => {
      searchRef.current?.focus();
      searchRef.current?.select();
    });
  }, [api]);

  useEffect(() => {
    if (toast === null) return undefined;
    const timer = window.setTimeout(() => {
      setToast(null);
    }, 3000);
    return () => {
      window.clearTimeout(timer);
    };
  }, [toast]);

  /** Runs an action; a failure becomes a banner whose Retry runs it again. */
  const perform = useCallback((what: string, action: () => Promise<void>): void => {
    const attempt = (): void => {
      setProblem(null);
      action().catch((error: unknown) => {
        setProblem({ what, problem: problemOf(error), retry: attempt });
      });
    };
    attempt();
  }, []);

  const applyRole = (role: RoleEntry): void => {
    perform(`Could not use ${role.accountName} / ${role.roleName}.`, async () => {
      const outcome = await api.useRole(roleRef(role));
      if (outcome.shadowedBy.length > 0) {
        setShadow({ profile: outcome.profile, keys: outcome.shadowedBy });
        return;
      }
      setShadow(null);
      await api.hideWindow();
    });
  };
  const openConsole = (role: RoleEntry): void => {
    perform(`Could not open the console for ${role.accountName} / ${role.roleName}.`, async () => {
      await api.openConsole(roleRef(role));
    });
  };
  const copyExports = (role: RoleEntry): void => {
    perform(`Could not copy the credentials of ${role.accountName} / ${role.roleName}.`, async () => {
      await api.copyShellExports(roleRef(role));
      setToast(`Shell exports for ${role.accountName} / ${role.roleName} copied to the clipboard.`);
    });
  };
  const toggleFavourite = (row: RoleRow): void => {
    perform('Could not change the favourites.', async () => {
      await api.setFavourite({ ...roleRef(row.role), favourite: !row.favourite });
    });
  };
  const refresh = (session: string): void => {
    perform(`Could not list the accounts of ${session}.`, async () => {
      setRefreshing((current) => new Set([...current, session]));
      try {
        await api.refreshAccounts({ session });
      } finally {
        setRefreshing((current) => new Set([...current].filter((name) => name !== session)));
      }
    });
  };

  const select = (at: number, reveal: boolean): void => {
    const row = rows.row(at);
    if (row?.kind !== 'role') return;
    setSelection({ key: row.key, at });
    if (reveal) setRevealToken((token) => token + 1);
  };

  const mod = (event: KeyboardEvent): boolean => (api.platform === 'darwin' ? event.metaKey : event.ctrlKey);
  const onKeyDown = (event: KeyboardEvent): void => {
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        event.preventDefault();
        select(rows.nextRole(selected, event.key === 'ArrowDown' ? 1 : -1), true);
        return;
      }
      case 'PageDown':
      case 'PageUp': {
        event.preventDefault();
        let at = selected;
        for (let step = 0; step < 10; step++) at = rows.nextRole(at, event.key === 'PageDown' ? 1 : -1);
        select(at, true);
        return;
      }
      case 'Enter': {
        if (!selectedRow) return;
        event.preventDefault();
        if (mod(event)) openConsole(selectedRow.role);
        else applyRole(selectedRow.role);
        return;
      }
      case 'Escape': {
        event.preventDefault();
        void api.hideWindow();
        return;
      }
      default:
        break;
    }
    if (!mod(event) || event.shiftKey || event.altKey || !selectedRow) return;
    const key = event.key.toLowerCase();
    if (key === 'c') {
      const input = searchRef.current;
      const textSelected = event.target === input && input.selectionStart !== input.selectionEnd;
      if (textSelected || (window.getSelection()?.toString() ?? '') !== '') return;
      event.preventDefault();
      copyExports(selectedRow.role);
    } else if (key === 'd') {
      event.preventDefault();
      toggleFavourite(selectedRow);
    }
  };

  const discovering = snapshot.inventories.filter((summary) => summary.progress !== null);

  return (
    <section className="screen switcher" aria-labelledby="switcher-title">
      <h1 id="switcher-title" className="visually-hidden">
        Switch account
      </h1>
      <div className="search-row">
        <svg className="search-icon" aria-hidden="true" viewBox="0 0 16 16" width="16" height="16">
          <circle cx="6.5" cy="6.5" r="4.75" fill="none" stroke="currentColor" strokeWidth="1.6" />
          <line
            x1="10"
            y1="10"
            x2="14.5"
            y2="14.5"
            stroke="currentColor"
            strokeWidth="1.6"
            strokeLinecap="round"
          />
        </svg>
        <input
          ref={searchRef}
          className="search"
          type="text"
          role="combobox"
          aria-label="Search accounts and roles"
          aria-controls={resultListId}
          aria-expanded="true"
          aria-autocomplete="list"
          aria-activedescendant={selectedRow ? optionId(selected) : undefined}
          placeholder="Search accounts and roles"
          autoComplete="off"
          spellCheck={false}
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setSelection(null);
            setRevealToken((token) => token + 1);
          }}
          onKeyDown={onKeyDown}
        />
        <button
          type="button"
          className="icon-button"
          onClick={onOpenSettings}
          aria-label="Settings"
          title="Settings"
        >
          ⚙
        </button>
      </div>
      {discovering.map((summary) =>
        summary.progress ? (
          <div key={summary.session} className="discovery">
            <progress
              max={Math.max(1, summary.progress.accountsTotal)}
              value={summary.progress.accountsDone}
              aria-label={`Listing the accounts of ${summary.session}`}
            />
            <span className="small" role="status">
              {summary.session}: {progressText(summary.progress)}
            </span>
          </div>
        ) : null,
      )}
      <SwitcherBanners
        snapshot={snapshot}
        problem={problem}
        shadow={shadow}
        toast={toast}
        onSignIn={signIn.start}
        onRefresh={refresh}
        onDismissProblem={() => {
          setProblem(null);
        }}
        onDismissShadow={() => {
          setShadow(null);
        }}
      />
      {rows.length === 0 ? (
        <p className="empty" role="status">
          {query.trim() !== ''
            ? `No account or role matches “${query.trim()}”.`
            : loading
              ? 'Loading the accounts…'
              : inventories.length === 0
                ? 'No accounts listed yet: refresh a session below.'
                : 'No roles in these accounts.'}
        </p>
      ) : (
        <ResultList
          rows={rows}
          terms={results.terms}
          selected={selectedRow ? selected : -1}
          revealToken={revealToken}
          onSelect={(at) => {
            select(at, false);
          }}
          onActivate={(at) => {
            const row = rows.row(at);
            if (row?.kind === 'role') applyRole(row.role);
          }}
          onToggleFavourite={toggleFavourite}
          onKeyDown={onKeyDown}
        />
      )}
      <SelectedRoleActions
        row={selectedRow}
        platform={api.platform}
        onUse={applyRole}
        onOpenConsole={openConsole}
        onCopyExports={copyExports}
        onToggleFavourite={toggleFavourite}
      />
      <SessionStatusBar snapshot={snapshot} refreshing={refreshing} onRefresh={refresh} />
    </section>
  );
}
