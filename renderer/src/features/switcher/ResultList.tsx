import { useCallback, useEffect, useRef, type KeyboardEvent } from 'react';
import { Highlighted } from '../../components/Highlighted';
import { useVirtualRows } from '../../components/use-virtual-rows';
import type { ListRows, RoleRow } from '../../search/list-rows';

/** Fixed heights by row kind (px): no measuring, so scrolling never reflows rows. */
const rowHeight = { section: 28, account: 46, role: 34 } as const;

export const resultListId = 'switcher-results';
export const optionId = (index: number): string => `switcher-option-${index}`;

interface ResultListProps {
  readonly rows: ListRows;
  readonly terms: readonly string[];
  readonly selected: number;
  /** Bumped when the selection moved by keyboard, to scroll it into view. */
  readonly revealToken: number;
  readonly onSelect: (index: number) => void;
  readonly onActivate: (index: number) => void;
  readonly onToggleFavourite: (row: RoleRow) => void;
  /** Keys pressed while the list itself has focus (it is focusable so it can be scrolled). */
  readonly onKeyDown: (event: KeyboardEvent) => void;
}

/**
 * The results as a virtualized listbox: only the rows in view (and a few around) are in the DOM.
 * The search box owns focus and points at the selected option with aria-activedescendant; account
 * headers and section titles are decoration for sighted users (each option's name already says
 * its account).
 */
export function ResultList(props: ResultListProps) {
  const { rows, terms, selected, revealToken, onSelect, onActivate, onToggleFavourite, onKeyDown } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const heightOf = useCallback((at: number) => rowHeight[rows.kind(at) ?? 'role'], [rows]);
  const virtual = useVirtualRows(scrollRef, rows.length, heightOf, 6, selected);

  useEffect(() => {
    // The first role takes the list back to its top, so its account's header shows too.
    if (selected >= 0) virtual.reveal(selected === rows.firstRole() ? 0 : selected);
    // Only when the keyboard moved the selection or the query changed (revealToken), not on a click.
  }, [revealToken]);

  return (
    <div
      ref={scrollRef}
      id={resultListId}
      className="results"
      role="listbox"
      aria-label="Accounts and roles"
      aria-activedescendant={selected >= 0 ? optionId(selected) : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
    >
      <div aria-hidden="true" className="results-spacer" style={{ height: virtual.totalSize }} />
      {virtual.rows.map((item) => {
        const row = rows.row(item.index);
        if (!row) return null;
        const position = { transform: `translateY(${item.start}px)`, height: item.size };
        switch (row.kind) {
          case 'section':
            return (
              <div key={row.key} className="row row-section" style={position} aria-hidden="true">
                {row.label}
              </div>
            );
          case 'account':
            return (
              <div
                key={row.key}
                className={`row row-account${row.active ? ' is-active' : ''}`}
                style={position}
                aria-hidden="true"
              >
                <div className="account-line">
                  <span className="account-name">
                    <Highlighted text={row.accountName} terms={terms} />
                  </span>
                  {row.active && <span className="badge badge-active">active</span>}
                  <span className="account-id">
                    <Highlighted text={row.accountId} terms={terms} />
                  </span>
                </div>
                <div className="account-email">
                  <Highlighted text={row.email} terms={terms} />
                  {row.error && <span className="account-error"> · roles not listed: {row.error}</span>}
                </div>
              </div>
            );
          case 'role': {
            const isSelected = item.index === selected;
            const states = [
              row.active ? 'default' : '',
              row.favourite ? 'favourite' : '',
              `session ${row.role.session}`,
            ]
              .filter((state) => state !== '')
              .join(', ');
            return (
              <div
                key={row.key}
                id={optionId(item.index)}
                className={`row row-role${isSelected ? ' is-selected' : ''}${row.active ? ' is-active' : ''}${row.showAccount ? ' with-account' : ''}`}
                style={position}
                role="option"
                aria-selected={isSelected}
                aria-label={`${row.role.accountName} / ${row.role.roleName}`}
                aria-describedby={`${optionId(item.index)}-states`}
                onMouseDown={(event) => {
                  // Keep focus in the search box.
                  event.preventDefault();
                }}
                onClick={() => {
                  onSelect(item.index);
                }}
                onDoubleClick={() => {
                  onActivate(item.index);
                }}
              >
                <span
                  className={`star${row.favourite ? ' is-on' : ''}`}
                  aria-hidden="true"
                  title={row.favourite ? 'Remove from favourites' : 'Add to favourites'}
                  onClick={(event) => {
                    event.stopPropagation();
                    onToggleFavourite(row);
                  }}
                >
                  {row.favourite ? '★' : '☆'}
                </span>
                {row.showAccount && (
                  <span className="role-account">
                    <Highlighted text={row.role.accountName} terms={terms} />
                    <span className="separator"> / </span>
                  </span>
                )}
                <span className="role-name">
                  <Highlighted text={row.role.roleName} terms={terms} />
                </span>
                {row.active && <span className="badge badge-active">✓ default</span>}
                <span id={`${optionId(item.index)}-states`} className="visually-hidden">
                  {states}
                </span>
              </div>
            );
          }
        }
      })}
    </div>
  );
}
