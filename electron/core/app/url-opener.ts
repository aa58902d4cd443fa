import { delimiter } from 'node:path';
import { AppError } from './app-error';

/** Opens a URL for the user: in a browser, or (for tests) in a program that plays one. */
export interface UrlOpener {
  open(url: string): Promise<void>;
}

/**
 * `$BROWSER` when set (a list separated like PATH; each entry a command line, with `%s` replaced
 * by the URL or the URL appended as the last argument), else the OS default opener. Commands run
 * without a shell, so a URL is always one argument.
 */
export class SystemUrlOpener implements UrlOpener {
  constructor(
    private readonly env: Readonly<Record<string, string | undefined>>,
    private readonly platform: NodeJS.Platform = process.platform,
  ) {}

  async open(url: string): Promise<void> {
    const failures: string[] = [];
    for (const argv of this.commands(url)) {
      try {
        await launch(argv);
        return;
      } catch (error) {
        failures.push(`${argv[0] ?? ''}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    throw new AppError(
      'Internal',
      `Could not open a browser (${failures.join('; ')}). Open this URL yourself: ${url}`,
    );
  }

  private commands(url: string): string[][] {
    const browser = this.env.BROWSER?.trim();
    if (browser) {
      return browser
        .split(this.platform === 'win32' ? ';' : delimiter)
        .map((entry) => splitCommandLine(entry))
        .filter((argv) => argv.length > 0)
        .map((argv) =>
          argv.some((arg) => arg.includes('%s'))
            ? argv.map((arg) => arg.replaceAll('%s', url))
            : [...argv, url],
        );
    }
    switch (this.platform) {
      case 'darwin':
        return [['open', url]];
      case 'win32':
        // rundll32 avoids cmd.exe, whose `start` would reinterpret & and ^ in the URL.
        return [['rundll32', 'url.dll,FileProtocolHandler', url]];
      default:
        return [['xdg-open', url]];
    }
  }
}

/** Splits a command line into words, honouring single and double quotes and backslashes. */
export function splitCommandLine(text: string): string[] {
  const words: string[] = [];
  let current = '';
  let inWord = false;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < text.length; i++) {
    const char = text.charAt(i);
    if (quote) {
      if (char === quote) quote = undefined;
      else if (char === '\\' && quote === '"' && i + 1 < text.length) current += text.charAt(++i);
      else current += char;
    } else if (char === '"' || char === "'") {
      quote = char;
      inWord = true;
    } else if (char === ' ' || char === '\t') {
      if (inWord) words.push(current);
      current = '';
      inWord = false;
    } else {
      current += char === '\\' && i + 1 < text.length ? text.charAt(++i) : char;
      inWord = true;
    }
  }
  if (inWord) words.push(current);
  return words;
}

/** Starts a program detached from us; resolves once it started, rejects if it could not. */
async function launch(argv: string[]): Promise<void> {
  const [file, ...args] = argv;
  // Loaded here, not at start-up: most commands never open a browser.
  const { spawn } = await import('node:child_process');
  return new Promise((resolve, reject) => {
    if (!file) {
      reject(new Error('empty command'));
      return;
    }
    const child = spawn(file, args, { detached: true, stdio: 'ignore', windowsHide: true });
    child.once('error', reject);
    child.once('spawn', () => {
      child.unref();
      resolve();
    });
  });
}
