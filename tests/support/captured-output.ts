import type { OutputStream } from '../../electron/cli/command';

/** An output stream that keeps what was written, for in-process CLI tests. */
export class CapturedOutput implements OutputStream {
  text = '';

  write(text: string): boolean {
    this.text += text;
    return true;
  }
}
