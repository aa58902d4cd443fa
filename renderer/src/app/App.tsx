/*
 * The switcher window. How tests find its controls (roles and accessible names):
 *
 * First run (heading "Set up SSO Tray")
 *   list "Sessions in your AWS config" › button "Sign in to <session>"
 *   button "Add another session"; form "Add an IAM Identity Center session":
 *   textbox "Start URL", combobox "Region" (input with a datalist), textbox "Session name",
 *   radios "In this computer's browser (recommended)" / "With a code, on any device",
 *   button "Add and sign in", button "Cancel"; field problems are the inputs' descriptions.
 * Sign-in (heading "Sign in to <session>")
 *   device code: element labelled "Device code", button "Copy code", link "Open the sign-in page";
 *   PKCE: text "Finish signing in in your browser.", button "Open again";
 *   timer "Time left to sign in"; button "Cancel".
 * Switcher (region and visually hidden heading "Switch account")
 *   combobox "Search accounts and roles" (focused on open; aria-activedescendant → the option),
 *   listbox "Accounts and roles" › options named "<account name> / <role name>" (aria-selected
 *   on the current one; description "default, favourite, session <name>"; the active role shows
 *   "✓ default", its account "active"), button "Settings",
 *   progressbar "Listing the accounts of <session>" with status "<session>: 120 of 800 accounts",
 *   alerts (errors) with buttons "Retry" / "Sign in" / "Dismiss", status "Switch shadowed",
 *   toolbar "Selected role" › buttons "Use as default", "Open console", "Copy shell exports",
 *   toggle button "Favourite" (aria-pressed); footer "Sessions" (no landmark inside the region) › buttons
 *   "Refresh accounts of <session>" (named "Refreshing accounts of <session>" and disabled while
 *   a refresh or discovery runs) / "Sign in to <session>"; toast status "Done" after a copy;
 *   mouse: click selects, double-click uses, the ☆/★ glyph in a row toggles the favourite.
 *   Keys: ↑/↓, PageUp/PageDown, Enter (use), Ctrl/⌘+Enter (console), Ctrl/⌘+C (exports, when no
 *   text is selected), Ctrl/⌘+D (favourite), Esc (hide).
 * Settings (heading "Settings")
 *   button "Back to accounts"; list "Sessions" › combobox "Sign-in method for <session>",
 *   buttons "Sign in to <session>", "Sign out of <session>"; button "Add a session";
 *   combobox "Keep tokens in"; checkbox "Share the sign-in with the AWS CLI (mirror tokens into
 *   its cache)"; textboxes "Profile to point at the chosen role", "List accounts again after
 *   (minutes)", "Profile name template" (preview labelled "Profile name preview"), "Warn before a
 *   session expires (minutes)", "Global shortcut", each with button "Save <label>";
 *   combobox "Sync", checkboxes "Remove profiles of roles that are gone (prune)", "Dry run (show
 *   the changes, write nothing)", button "Preview the sync" / "Sync profiles", result status
 *   with <pre> "Profile changes"; combobox "Open the console"; checkbox "Start SSO Tray when I
 *   log in"; radio group "Theme" › "Same as the system" / "Light" / "Dark".
 * The theme is `data-theme` on <html> ("system", "light" or "dark"). The tray picks the screen:
 * `index.html#settings` or `#add-session` for a new window, a `showView` event for an open one.
 */
import { useCallback, useEffect, useState } from 'react';
import type { SsoTrayApi } from '../../../shared/preload-api';
import { ProblemBanner } from '../components/ProblemBanner';
import { FirstRun } from '../features/first-run/FirstRun';
import { Settings } from '../features/settings/Settings';
import { SignIn } from '../features/sign-in/SignIn';
import { Switcher } from '../features/switcher/Switcher';
import { StoresContext, findApi } from '../state/api-context';
import { useSettings } from '../state/settings-store';
import { SignInContext, useSignInRunner } from '../state/sign-in-runner';
import { createAppStores, useSnapshotState } from '../state/snapshot-store';
import { windowViewFromHash } from '../../../shared/window-view';
import { chooseScreen, type RequestedView } from './screen';

/** The window's root: the app when the preload API is there, a note when it is not. */
export function App() {
  const api = findApi();
  if (!api) {
    return (
      <main className="app">
        <section className="screen">
          <h1>SSO Tray</h1>
          <p>This page runs inside the SSO Tray app: open it from the tray icon.</p>
        </section>
      </main>
    );
  }
  return <ConnectedApp api={api} />;
}

function ConnectedApp({ api }: { readonly api: SsoTrayApi }) {
  const [stores] = useState(() => createAppStores(api));
  // The tray asks for a screen: in the URL when it opens the window, by an event afterwards.
  const [view, setView] = useState<RequestedView>(() => windowViewFromHash(window.location.hash));
  useEffect(() => api.onShowView(setView), [api]);
  const backToMain = useCallback(() => {
    setView('main');
  }, []);
  const signIn = useSignInRunner(api, backToMain);
  const { snapshot, problem } = useSnapshotState(stores.snapshots);
  const settings = useSettings(stores.settings);
  const theme = settings?.theme ?? 'system';
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);

  let content;
  if (!snapshot) {
    content = problem ? (
      <section className="screen">
        <h1>SSO Tray</h1>
        <ProblemBanner
          problem={problem}
          onRetry={() => {
            window.location.reload();
          }}
        />
      </section>
    ) : (
      <p className="screen" role="status">
        Loading…
      </p>
    );
  } else {
    const screen = chooseScreen(snapshot, view);
    switch (screen.kind) {
      case 'sign-in':
        content = <SignIn session={screen.session} pending={screen.pending} />;
        break;
      case 'sign-in-starting':
        content = (
          <section className="screen sign-in" aria-labelledby="sign-in-title">
            <h1 id="sign-in-title">Sign in to {screen.session.name}</h1>
            <p className="lead" role="status">
              Starting the sign-in…
            </p>
          </section>
        );
        break;
      case 'settings':
        content = <Settings snapshot={snapshot} onBack={backToMain} />;
        break;
      case 'first-run':
        content = (
          <FirstRun
            key={view}
            sessions={snapshot.sessions}
            startWithForm={screen.withForm}
            onCancel={view === 'add-session' ? backToMain : undefined}
            onOpenSettings={() => {
              setView('settings');
            }}
          />
        );
        break;
      case 'switcher':
        content = (
          <Switcher
            snapshot={snapshot}
            onOpenSettings={() => {
              setView('settings');
            }}
          />
        );
        break;
    }
  }

  const failure = signIn.failure;
  return (
    <StoresContext.Provider value={stores}>
      <SignInContext.Provider value={signIn}>
        <main className="app">
          {failure && (
            <ProblemBanner
              problem={{
                code: failure.problem.code,
                message: `Signing in to ${failure.session} failed: ${failure.problem.message}`,
              }}
              onDismiss={signIn.clear}
            >
              <button
                type="button"
                onClick={() => {
                  signIn.start(failure.session, failure.flow);
                }}
              >
                Try again
              </button>
            </ProblemBanner>
          )}
          {content}
        </main>
      </SignInContext.Provider>
    </StoresContext.Provider>
  );
}
