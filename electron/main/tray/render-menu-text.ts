// A readable text form of a tray menu, for golden files and logs. One line per entry:
//   ✓ Label            checked            ## Title     header
//   Label [disabled]   not clickable      ---          separator
//   Label → use        the intent a click sends (its kind)
//   Label ⌨ CmdOrCtrl+Alt+A               an accelerator
// Submenu entries follow their parent, indented two spaces per level and marked "▸ ".
// Labels are shown as Electron receives them (a literal & reads "&&").
import type { TrayMenuItem } from './tray-menu-item';

export function renderMenuText(items: readonly TrayMenuItem[]): string {
  const lines: string[] = [];
  const walk = (entries: readonly TrayMenuItem[], depth: number): void => {
    const indent = depth === 0 ? '' : `${'  '.repeat(depth)}▸ `;
    for (const entry of entries) {
      if (entry.kind === 'separator') {
        lines.push(`${indent}---`);
        continue;
      }
      if (entry.kind === 'header') {
        lines.push(`${indent}## ${entry.label}`);
        continue;
      }
      const parts = [`${entry.checked ? '✓ ' : ''}${entry.label}`];
      if (!entry.enabled) parts.push('[disabled]');
      if (entry.intent) parts.push(`→ ${entry.intent.kind}`);
      if (entry.accelerator) parts.push(`⌨ ${entry.accelerator}`);
      lines.push(`${indent}${parts.join(' ')}`);
      if (entry.submenu) walk(entry.submenu, depth + 1);
    }
  };
  walk(items, 0);
  return `${lines.join('\n')}\n`;
}
