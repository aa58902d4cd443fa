/**
 * A unified diff of a config edit, for `--dry-run` and for showing what a sync or switch changed.
 */
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';

/** `--- path` / `+++ path` and the hunks; the empty string when nothing changed. */
export function unifiedDiff(path: string, before: string, after: string): string {
  if (before === after) return '';
  return createTwoFilesPatch(path, path, before, after, undefined, undefined, {
    headerOptions: FILE_HEADERS_ONLY,
  });
}
