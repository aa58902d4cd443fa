/**
 * A lossless INI document for the AWS config and credentials files. `parse` then `serialize` gives
 * back the identical text for any input (BOM, CRLF, comments, blank lines, odd spacing, unknown
 * sections, continuation and sub-section lines), and an edit rewrites only the lines it must.
 * What it writes stays in the subset botocore and the JS SDK read the same way
 * (aws-sso-reference.md §4.2): `key = value`, lower-case keys, no inline comments.
 */
export interface IniLine {
  text: string;
  /** The line ending that followed it in the source: '\n', '\r\n', '\r', or '' for the last line. */
  eol: string;
}

/** A section as found in the document: the header text and the lines it spans. */
export interface IniSection {
  /**
   * The text between the brackets exactly as written, e.g. `profile dev`. Not trimmed: botocore
   * takes it as is, so `[ profile dev ]` and `[default ]` are not profiles for it (nor for the JS SDK).
   */
  header: string;
  /** Index of the header line. */
  start: number;
  /** Index one past the section's last line (the next header, or the end). */
  end: number;
}

const headerPattern = /^\[(.*)\]\s*$/;
const keyPattern = /^([^\s=:[#;][^=:]*?)\s*[=:]\s*(.*?)\s*$/;

export class IniDocument {
  private constructor(
    private readonly bom: string,
    readonly lines: IniLine[],
  ) {}

  static parse(text: string): IniDocument {
    const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
    const body = bom ? text.slice(1) : text;
    // One native split (the capture group keeps each line ending) is several times faster than a
    // regex loop, which matters for configs of thousands of profiles.
    const parts = body.split(/(\r\n|\n|\r)/);
    const lines: IniLine[] = [];
    for (let index = 0; index < parts.length; index += 2)
      lines.push({ text: parts[index] ?? '', eol: parts[index + 1] ?? '' });
    // A text ending with a line break leaves an empty last part: it is not a line of its own.
    const last = lines[lines.length - 1];
    if (lines.length > 1 && last && last.text === '' && last.eol === '') lines.pop();
    return new IniDocument(bom, lines);
  }

  serialize(): string {
    let text = this.bom;
    for (const line of this.lines) text += line.text + line.eol;
    return text;
  }

  /** Every section in file order. Lines before the first header belong to none. */
  sections(): IniSection[] {
    const sections: IniSection[] = [];
    this.lines.forEach((line, index) => {
      const header = headerOf(line.text);
      if (header === undefined) return;
      const previous = sections[sections.length - 1];
      if (previous) previous.end = index;
      sections.push({ header, start: index, end: this.lines.length });
    });
    return sections;
  }

  /** The last section whose header satisfies `matches` (botocore lets a later duplicate win). */
  findSection(matches: (header: string) => boolean): IniSection | undefined {
    return this.sections()
      .filter((section) => matches(section.header))
      .pop();
  }

  /** The keys of a section (top level, not sub-section lines), lower-cased as botocore reads them. */
  entries(section: IniSection): Map<string, string> {
    const entries = new Map<string, string>();
    for (let index = section.start + 1; index < section.end; index++) {
      const entry = keyOf(this.lines[index]?.text ?? '');
      if (entry) entries.set(entry.key.toLowerCase(), entry.value);
    }
    return entries;
  }

  /** Sets `key = value` in a section: in place when the key exists, else after its last entry. */
  setValue(section: IniSection, key: string, value: string): void {
    const found = this.keyLine(section, key);
    if (found !== undefined) {
      const owned = this.continuationEnd(found, section.end);
      // Unchanged only without indented lines too: botocore would append those to the value.
      if (this.lines[found]?.text === `${key} = ${value}` && owned === found + 1) return;
      this.removeLines(found + 1, owned);
      this.lines[found] = { text: `${key} = ${value}`, eol: this.lines[found]?.eol ?? '' };
      return;
    }
    this.insertLines(this.insertionPoint(section), [`${key} = ${value}`]);
  }

  /**
   * Removes a key (and its continuation or sub-section lines). Every copy of a duplicated key goes,
   * or the JS SDK, where the last copy wins, would fall back to an earlier one. Returns whether it
   * was there.
   */
  removeKey(section: IniSection, key: string): boolean {
    let removed = false;
    for (let end = section.end; ;) {
      const found = this.keyLine({ ...section, end }, key);
      if (found === undefined) return removed;
      this.removeLines(found, this.continuationEnd(found, end));
      end = found; // the earlier copies all lie before this one
      removed = true;
    }
  }

  /** Appends a new section at the end, separated from what comes before by one blank line. */
  appendSection(header: string, entries: readonly (readonly [string, string])[]): void {
    const eol = this.dominantEol();
    const last = this.lines[this.lines.length - 1];
    if (last && last.text === '' && last.eol === '' && this.lines.length === 1) {
      this.lines.pop();
    } else if (last) {
      if (last.eol === '') last.eol = eol;
      if (last.text.trim() !== '') this.lines.push({ text: '', eol });
    }
    this.lines.push({ text: `[${header}]`, eol });
    for (const [key, value] of entries) this.lines.push({ text: `${key} = ${value}`, eol });
  }

  /** Removes a whole section: its header and every line up to the next header. */
  removeSection(section: IniSection): void {
    this.removeLines(section.start, section.end);
  }

  private keyLine(section: IniSection, key: string): number | undefined {
    let found: number | undefined;
    for (let index = section.start + 1; index < section.end; index++) {
      if (keyOf(this.lines[index]?.text ?? '')?.key.toLowerCase() === key.toLowerCase()) found = index;
    }
    return found;
  }

  /**
   * One past the indented lines (continuations or sub-section keys) that belong to a key line.
   * Blank and comment lines between them do not end the block for configparser, so they belong to
   * the key too when more indented lines follow; trailing ones do not.
   */
  private continuationEnd(keyIndex: number, sectionEnd: number): number {
    let end = keyIndex + 1;
    for (let index = keyIndex + 1; index < sectionEnd; index++) {
      const text = this.lines[index]?.text ?? '';
      if (text.trim() === '' || /^\s*[#;]/.test(text)) continue;
      if (!/^\s/.test(text)) break;
      end = index + 1;
    }
    return end;
  }

  /**
   * After the section's last entry (with its indented lines), before trailing blanks and comments.
   * Indented lines right under the header count as owned by it: botocore reads the first as a key,
   * and a key inserted above them would take them in as its continuation.
   */
  private insertionPoint(section: IniSection): number {
    let point = this.continuationEnd(section.start, section.end);
    for (let index = section.start + 1; index < section.end; index++) {
      if (keyOf(this.lines[index]?.text ?? '')) point = this.continuationEnd(index, section.end);
    }
    return point;
  }

  private insertLines(at: number, texts: string[]): void {
    const eol = this.dominantEol();
    const before = this.lines[at - 1];
    // Inserting after a last line that had no line ending: give it one, keep the file's last state.
    if (before && before.eol === '' && at === this.lines.length) {
      before.eol = eol;
      const added = texts.map((text) => ({ text, eol }));
      const lastAdded = added[added.length - 1];
      if (lastAdded) lastAdded.eol = '';
      this.lines.splice(at, 0, ...added);
      return;
    }
    this.lines.splice(at, 0, ...texts.map((text) => ({ text, eol })));
  }

  private removeLines(from: number, to: number): void {
    if (to > from) this.lines.splice(from, to - from);
  }

  private dominantEol(): string {
    let crlf = 0;
    let lf = 0;
    for (const line of this.lines) {
      if (line.eol === '\r\n') crlf++;
      else if (line.eol === '\n') lf++;
    }
    return crlf > lf ? '\r\n' : '\n';
  }
}

function headerOf(text: string): string | undefined {
  if (text.charCodeAt(0) !== 0x5b) return undefined; // '[': most lines are not headers
  const match = headerPattern.exec(text);
  return match ? (match[1] ?? '') : undefined;
}

/** A top-level `key = value` (or botocore's `key: value`) line; indented and comment lines are not. */
function keyOf(text: string): { key: string; value: string } | undefined {
  const match = keyPattern.exec(text);
  return match ? { key: match[1] ?? '', value: match[2] ?? '' } : undefined;
}
