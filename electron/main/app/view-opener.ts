import type { WindowView } from '../../../shared/window-view';
import type { EventPublisher } from '../ipc/event-publisher';

/** The window as the opener sees it: shown on a view (a window made now reads it from its URL). */
export interface ViewWindow {
  show(view: WindowView): void;
}

/**
 * Opens the window on a screen: a window made now gets the view in its URL, one already there is
 * told by an event (one that is loading drops the event and has the URL). The switcher also puts
 * the cursor in the search box.
 */
export function createViewOpener(window: ViewWindow, publish: EventPublisher): (view: WindowView) => void {
  return (view) => {
    window.show(view);
    publish('showView', view);
    if (view === 'main') publish('focusSearch');
  };
}
