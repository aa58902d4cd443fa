/**
 * Which screen the window is asked to open on: the switcher ("main"), the settings, or the form
 * that adds a session. The tray's menu items ask for one; a window that does not exist yet gets it
 * in its URL's fragment (`index.html#settings`), a window that does in a `showView` event.
 */
export const windowViews = ['main', 'settings', 'add-session'] as const;
export type WindowView = (typeof windowViews)[number];

/** The view a URL fragment names (`#settings`), or the switcher for anything else. */
export function windowViewFromHash(hash: string): WindowView {
  const name = hash.startsWith('#') ? hash.slice(1) : hash;
  return windowViews.find((view) => view === name) ?? 'main';
}
