// A separate process that edits a config the way SSO Tray does (editIniFile), for tests that kill
// it mid-write, race two of it, or run it out of disk space. tests/support/config-writer.ts
// bundles and starts it. Commands:
//   toggle <config> <section> <key> <a> <b>   edits forever, switching the key between a and b;
//                                             prints "edited" after each edit that reached the disk
//   count <config> <section> <key> <n>        prints "ready", waits for a line on stdin (so that
//                                             racing workers start together), then makes n edits
//                                             that each add 1 to the key
//   set <config> <section> <key> <value>      one edit
//   pad <config> <bytes>                      one edit that makes the config `bytes` larger
// A finite command prints {"ok":true}, or the error as {"ok":false,"name","code","message"} and
// exits 2, so that the test sees exactly what a user would be told.
import { createInterface } from 'node:readline';
import { editIniFile } from '../../electron/core/aws-files/config-file';
import type { IniDocument } from '../../electron/core/aws-files/ini-document';

/** Sets `key` in `[header]` (created when missing) to what `next` makes of its current value. */
function update(
  header: string,
  key: string,
  next: (current: string | undefined) => string,
): (document: IniDocument) => { changed: boolean; result: string } {
  return (document) => {
    const section = document.findSection((candidate) => candidate === header);
    const value = next(section ? document.entries(section).get(key) : undefined);
    if (section) document.setValue(section, key, value);
    else document.appendSection(header, [[key, value]]);
    return { changed: true, result: value };
  };
}

function argument(index: number): string {
  const value = process.argv[index];
  if (value === undefined) throw new Error(`config-writer-worker: argument ${index - 1} is missing`);
  return value;
}

async function waitForGo(): Promise<void> {
  process.stdout.write('ready\n');
  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) {
    if (line === 'go') break;
  }
  lines.close();
}

async function main(): Promise<void> {
  const [command, config] = [argument(2), argument(3)];
  switch (command) {
    case 'toggle': {
      const [header, key, a, b] = [argument(4), argument(5), argument(6), argument(7)];
      for (;;) {
        await editIniFile(
          config,
          update(header, key, (current) => (current === a ? b : a)),
        );
        process.stdout.write('edited\n');
      }
    }
    case 'count': {
      const [header, key, times] = [argument(4), argument(5), Number(argument(6))];
      await waitForGo();
      for (let edit = 0; edit < times; edit++) {
        await editIniFile(
          config,
          update(header, key, (current) => String(Number(current ?? '0') + 1)),
        );
      }
      break;
    }
    case 'set': {
      const [header, key, value] = [argument(4), argument(5), argument(6)];
      await editIniFile(
        config,
        update(header, key, () => value),
      );
      break;
    }
    case 'pad': {
      const bytes = Number(argument(4));
      await editIniFile(
        config,
        update('default', 'padding', () => 'x'.repeat(bytes)),
      );
      break;
    }
    default:
      throw new Error(`config-writer-worker: unknown command ${command}`);
  }
  process.stdout.write(`${JSON.stringify({ ok: true })}\n`);
}

main().catch((error: unknown) => {
  const { name, code, message } = error as { name?: string; code?: string; message?: string };
  process.stdout.write(`${JSON.stringify({ ok: false, name, code, message: message ?? String(error) })}\n`);
  process.exitCode = 2;
});
