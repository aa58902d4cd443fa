import type { RoleEntry } from '../../../../shared/session-snapshot';
import type { RoleRow } from '../../search/list-rows';

interface SelectedRoleActionsProps {
  readonly row: RoleRow | undefined;
  readonly platform: string;
  readonly onUse: (role: RoleEntry) => void;
  readonly onOpenConsole: (role: RoleEntry) => void;
  readonly onCopyExports: (role: RoleEntry) => void;
  readonly onToggleFavourite: (row: RoleRow) => void;
}

/** The actions on the selected role, as buttons: what the keyboard shortcuts do, for the mouse. */
export function SelectedRoleActions(props: SelectedRoleActionsProps) {
  const { row, platform, onUse, onOpenConsole, onCopyExports, onToggleFavourite } = props;
  const modLabel = platform === 'darwin' ? '⌘' : 'Ctrl+';
  return (
    <div className="actions" role="toolbar" aria-label="Selected role">
      <span className="selected-name" aria-live="polite">
        {row ? `${row.role.accountName} / ${row.role.roleName}` : 'No role selected'}
      </span>
      <button
        type="button"
        className="primary"
        disabled={!row}
        aria-keyshortcuts="Enter"
        onClick={() => {
          if (row) onUse(row.role);
        }}
      >
        Use as default
      </button>
      <button
        type="button"
        disabled={!row}
        aria-keyshortcuts={platform === 'darwin' ? 'Meta+Enter' : 'Control+Enter'}
        title={`${modLabel}Enter`}
        onClick={() => {
          if (row) onOpenConsole(row.role);
        }}
      >
        Open console
      </button>
      <button
        type="button"
        disabled={!row}
        aria-keyshortcuts={platform === 'darwin' ? 'Meta+C' : 'Control+C'}
        title={`${modLabel}C`}
        onClick={() => {
          if (row) onCopyExports(row.role);
        }}
      >
        Copy shell exports
      </button>
      <button
        type="button"
        disabled={!row}
        aria-pressed={row?.favourite ?? false}
        aria-label="Favourite"
        title={`${modLabel}D`}
        onClick={() => {
          if (row) onToggleFavourite(row);
        }}
      >
        {row?.favourite ? '★ Favourite' : '☆ Favourite'}
      </button>
    </div>
  );
}
