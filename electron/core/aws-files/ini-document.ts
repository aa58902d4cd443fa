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
  /**
   * The section list, worked out once and then kept true by the edits: one that moves no header
   * shifts the sections after it in place (a switch at the top of 5,000 profiles allocates
   * nothing); one that adds or removes a header clears it.
   */
  private sectionCache: IniSection[] | undefined;
  /** How many lines end with CRLF and with LF, counted once and then kept by the edits. */
  private endingCounts: { crlf: number; lf: number } | undefined;
  private edits = 0;
  /** While an edit of several steps runs: where its steps joined lines, for the blank-line rule. */
  private pendingBoundaries: number[] | undefined;

  /**
   * Two parallel arrays, the text of each line and the ending after it, rather than an object per
   * line: parsing a config of thousands of profiles then costs one split and one fill.
   */
  private constructor(
    private readonly bom: string,
    private texts: string[],
    private eols: string[],
  ) {}

  static parse(text: string): IniDocument {
    const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
    const body = bom ? text.slice(1) : text;
    let texts: string[];
    let eols: string[];
    const hasCr = body.includes('\r');
    if (hasCr) {
      const parts = body.split(/(\r\n|\n|\r)/);
      texts = parts.filter((_, index) => index % 2 === 0);
      eols = parts.filter((_, index) => index % 2 === 1);
    } else {
      texts = body.split('\n'); // a plain-string split is much faster than a regex one
      eols = new Array<string>(texts.length - 1).fill('\n');
    }
    eols.push(''); // the last line's (absent) ending
    // A text ending with a line break leaves an empty last line: it is not a line of its own.
    if (texts.length > 1 && texts[texts.length - 1] === '') {
      texts.pop();
      eols.pop();
    }
    const document = new IniDocument(bom, texts, eols);
    // Without a CR every line ends with LF but a last one without an ending: no need to count.
    if (!hasCr) document.endingCounts = { crlf: 0, lf: eols.length - (eols[eols.length - 1] === '' ? 1 : 0) };
    return document;
  }

  /** A document of the given lines, e.g. one section taken out of another document. */
  static fromLines(lines: readonly Readonly<IniLine>[]): IniDocument {
    return new IniDocument(
      '',
      lines.map((line) => line.text),
      lines.map((line) => line.eol),
    );
  }

  serialize(): string {
    // String concatenation builds a rope, several times faster here than join for 10,000s of lines.
    let text = this.bom;
    for (let index = 0; index < this.texts.length; index++)
      text += (this.texts[index] ?? '') + (this.eols[index] ?? '');
    return text;
  }

  get lineCount(): number {
    return this.texts.length;
  }

  /** The text of line `index` (without its ending); '' past the end. */
  textAt(index: number): string {
    return this.texts[index] ?? '';
  }

  /** The line ending after line `index`: '\n', '\r\n', '\r', or '' for a last line without one. */
  eolAt(index: number): string {
    return this.eols[index] ?? '';
  }

  /** A copy of the lines as they stand; edits go through the methods, which keep the caches true. */
  get lines(): IniLine[] {
    return this.linesBetween(0, this.lineCount);
  }

  /** A copy of lines `from` up to (not including) `to`. */
  linesBetween(from: number, to: number): IniLine[] {
    const lines: IniLine[] = [];
    for (let index = from; index < Math.min(to, this.lineCount); index++)
      lines.push({ text: this.textAt(index), eol: this.eolAt(index) });
    return lines;
  }

  /** Every section in file order. Lines before the first header belong to none. */
  sections(): readonly Readonly<IniSection>[] {
    if (this.sectionCache) return this.sectionCache;
    const sections: IniSection[] = [];
    const count = this.lineCount;
    for (let index = 0; index < count; index++) {
      const header = headerOf(this.textAt(index));
      if (header === undefined) continue;
      const previous = sections[sections.length - 1];
      if (previous) previous.end = index;
      sections.push({ header, start: index, end: count });
    }
    this.sectionCache = sections;
    return sections;
  }

  /** The last section whose header satisfies `matches` (botocore lets a later duplicate win). */
  findSection(matches: (header: string) => boolean): IniSection | undefined {
    const sections = this.sections();
    for (let index = sections.length - 1; index >= 0; index--) {
      const section = sections[index];
      if (section && matches(section.header)) return { ...section };
    }
    return undefined;
  }

  /** The keys of a section (top level, not sub-section lines), lower-cased as botocore reads them. */
  entries(section: IniSection): Map<string, string> {
    const entries = new Map<string, string>();
    for (let index = section.start + 1; index < section.end; index++) {
      const entry = keyOf(this.textAt(index));
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
      if (this.textAt(found) === `${key} = ${value}` && owned === found + 1) return;
      this.replaceLines(found, owned, [{ text: `${key} = ${value}`, eol: this.eolAt(found) }]);
      return;
    }
    this.insertLines(this.insertionPoint(section), [`${key} = ${value}`]);
  }

  /**
   * Sets several keys of one section (one of `sections()`, which the edits keep true), as
   * `setValue` one by one would, but with the new keys inserted together: one move of the lines
   * after them rather than one per key.
   */
  setValues(section: IniSection, entries: readonly (readonly [string, string])[]): void {
    // A key given twice (in any case) is set once, to its last value, where it first came.
    const byKey = new Map<string, readonly [string, string]>();
    for (const entry of entries) byKey.set(entry[0].toLowerCase(), entry);
    entries = [...byKey.values()];
    const missing = entries.filter(([key]) => this.keyLine(section, key) === undefined);
    // New keys go after the last entry, so the lines of the keys already there keep their places.
    if (missing.length > 0)
      this.insertLines(
        this.insertionPoint(section),
        missing.map(([key, value]) => `${key} = ${value}`),
      );
    for (const entry of entries) if (!missing.includes(entry)) this.setValue(section, entry[0], entry[1]);
  }

  /**
   * Removes a key (and its continuation or sub-section lines). Every copy of a duplicated key goes,
   * or the JS SDK, where the last copy wins, would fall back to an earlier one. Returns whether it
   * was there.
   */
  removeKey(section: IniSection, key: string): boolean {
    let removed = false;
    // The blank-line rule is applied once all copies are gone, to the lines as they end up.
    this.pendingBoundaries = [];
    try {
      for (let end = section.end; ;) {
        const found = this.keyLine({ ...section, end }, key);
        if (found === undefined) return removed;
        this.removeLines(found, this.continuationEnd(found, end));
        end = found; // the earlier copies all lie before this one
        removed = true;
      }
    } finally {
      const boundaries = this.pendingBoundaries;
      this.pendingBoundaries = undefined;
      for (const boundary of boundaries) this.keepBlankLinesApart(boundary);
    }
  }

  /** Appends a new section at the end, separated from what comes before by one blank line. */
  appendSection(header: string, entries: readonly (readonly [string, string])[]): void {
    const eol = this.lineEnding();
    this.appendLines([
      { text: `[${header}]`, eol },
      ...entries.map(([key, value]) => ({ text: `${key} = ${value}`, eol })),
    ]);
  }

  /**
   * Appends lines at the end, after one blank line unless the file is empty or already ends with
   * one; a last line without a line ending gets one first.
   */
  appendLines(lines: readonly Readonly<IniLine>[]): void {
    const eol = this.lineEnding();
    const count = this.lineCount;
    const lastText = this.textAt(count - 1);
    const lastEnded = this.eolAt(count - 1) !== '';
    if (count === 1 && lastText === '' && !lastEnded) {
      this.replaceLines(0, 1, lines);
      return;
    }
    const separator = lastText.trim() !== '' ? [{ text: '', eol }] : [];
    const ended = lastEnded ? [] : [{ text: lastText, eol }];
    this.replaceLines(count - ended.length, count, [...ended, ...separator, ...lines]);
  }

  /** Replaces the lines from `from` up to (not including) `to` with `lines`. */
  replaceLines(from: number, to: number, lines: readonly Readonly<IniLine>[]): void {
    from = Math.max(0, Math.min(from, this.texts.length));
    const end = Math.max(from, Math.min(to, this.texts.length));
    const same =
      lines.length === end - from &&
      lines.every(
        (line, index) => line.text === this.texts[from + index] && line.eol === this.eols[from + index],
      );
    if (same) return; // the same lines again: nothing changes, and `version` says so
    const headersMoved =
      this.texts.slice(from, end).some((text) => headerOf(text) !== undefined) ||
      lines.some((line) => headerOf(line.text) !== undefined);
    const texts = lines.map((line) => line.text);
    const eols = lines.map((line) => line.eol);
    this.countEndings(from, end, -1);
    // splice(...spread) for the usual few lines; concat for a managed block of thousands, which
    // would overflow the argument limit of a spread call.
    if (lines.length === end - from) {
      // One line for one (a changed value): no array moves at all.
      for (let index = 0; index < lines.length; index++) {
        this.texts[from + index] = texts[index] ?? '';
        this.eols[from + index] = eols[index] ?? '';
      }
    } else if (lines.length < 1000) {
      this.texts.splice(from, end - from, ...texts);
      this.eols.splice(from, end - from, ...eols);
    } else {
      this.texts = this.texts.slice(0, from).concat(texts, this.texts.slice(end));
      this.eols = this.eols.slice(0, from).concat(eols, this.eols.slice(end));
    }
    if (this.texts.length === 0) {
      // No lines at all reads back as one empty line: keep that one line, as parse gives it.
      this.texts.push('');
      this.eols.push('');
    }
    this.countEndings(from, from + lines.length, 1);
    const delta = lines.length - (end - from);
    if (this.pendingBoundaries) {
      // Boundaries of earlier steps move with this one; the rule waits for the last step.
      this.pendingBoundaries = this.pendingBoundaries.map((at) =>
        at >= end ? at + delta : at > from ? from : at,
      );
      this.pendingBoundaries.push(from, from + lines.length);
    } else {
      this.keepBlankLinesApart(from);
      this.keepBlankLinesApart(from + lines.length);
    }
    // Most edits change keys, not headers: then the sections only move, and are not scanned again.
    if (this.sectionCache && !headersMoved) shiftSections(this.sectionCache, from, end, delta);
    else this.sectionCache = undefined;
    this.edits++;
  }

  /**
   * An edit can bring a line ended by a lone CR next to a blank line ended by LF, which would read
   * back as one CRLF: the blank line would vanish and the lines after it shift. Ending that blank
   * line with CR too keeps every line where it was.
   */
  private keepBlankLinesApart(index: number): void {
    // In a run of blank lines each one is next to the one before, so the rule carries down the run.
    for (
      let at = index;
      this.eols[at - 1] === '\r' && this.texts[at] === '' && this.eols[at] === '\n';
      at++
    ) {
      this.countEndings(at, at + 1, -1);
      this.eols[at] = '\r';
    }
  }

  /** How many changes were made since parsing: compare two readings to know whether an edit changed anything. */
  get version(): number {
    return this.edits;
  }

  /** Removes a whole section: its header and every line up to the next header. */
  removeSection(section: IniSection): void {
    this.removeLines(section.start, section.end);
  }

  /**
   * Removes a section's header and its entries, but keeps the blank and comment lines after its
   * last entry: they often introduce what follows (a comment about the next section, the start
   * marker of a managed block), not the section itself.
   */
  removeSectionEntries(section: IniSection): void {
    this.removeLines(section.start, this.insertionPoint(section));
  }

  private keyLine(section: IniSection, key: string): number | undefined {
    let found: number | undefined;
    for (let index = section.start + 1; index < section.end; index++) {
      if (keyOf(this.textAt(index))?.key.toLowerCase() === key.toLowerCase()) found = index;
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
      const text = this.textAt(index);
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
      if (keyOf(this.textAt(index))) point = this.continuationEnd(index, section.end);
    }
    return point;
  }

  private insertLines(at: number, texts: string[]): void {
    const eol = this.lineEnding();
    // Inserting after a last line that had no line ending: give it one, keep the file's last state.
    if (at > 0 && at === this.lineCount && this.eolAt(at - 1) === '') {
      const added = texts.map((text, index) => ({ text, eol: index === texts.length - 1 ? '' : eol }));
      this.replaceLines(at - 1, at, [{ text: this.textAt(at - 1), eol }, ...added]);
      return;
    }
    this.replaceLines(
      at,
      at,
      texts.map((text) => ({ text, eol })),
    );
  }

  private removeLines(from: number, to: number): void {
    if (to > from) this.replaceLines(from, to, []);
  }

  /** The line ending new lines get: CRLF when most lines end so, else LF. */
  lineEnding(): string {
    if (!this.endingCounts) {
      this.endingCounts = { crlf: 0, lf: 0 };
      this.countEndings(0, this.eols.length, 1);
    }
    return this.endingCounts.crlf > this.endingCounts.lf ? '\r\n' : '\n';
  }

  /** Adds (`sign` 1) or takes away (-1) the endings of lines `from`..`to` in the counts, once kept. */
  private countEndings(from: number, to: number, sign: 1 | -1): void {
    const counts = this.endingCounts;
    if (!counts) return;
    for (let at = from; at < to; at++) {
      const eol = this.eols[at];
      if (eol === '\r\n') counts.crlf += sign;
      else if (eol === '\n') counts.lf += sign;
    }
  }
}

/**
 * The sections after lines `from`..`end` (none of them a header) were replaced by lines that add
 * `delta`: later sections move by `delta`, the one holding the range grows or shrinks by it. In
 * place: a caller holding a section from `sections()` sees where it is now.
 */
function shiftSections(sections: IniSection[], from: number, end: number, delta: number): void {
  if (delta === 0) return;
  for (const section of sections) {
    if (section.start >= end) {
      section.start += delta;
      section.end += delta;
    } else if (section.end >= end && section.start < from) section.end += delta;
  }
}

function headerOf(text: string): string | undefined {
  if (text.charCodeAt(0) !== 0x5b) return undefined; // '[': most lines are not headers
  // Most headers end with their ']': the pattern's answer then is what lies between, unless that
  // holds a line separator (U+2028, U+2029), which its `.` does not match.
  if (text.charCodeAt(text.length - 1) === 0x5d && text.length > 1) {
    const header = text.slice(1, -1);
    if (!header.includes('\u2028') && !header.includes('\u2029')) return header;
  }
  const match = headerPattern.exec(text);
  return match ? (match[1] ?? '') : undefined;
}

/** A top-level `key = value` (or botocore's `key: value`) line; indented and comment lines are not. */
function keyOf(text: string): { key: string; value: string } | undefined {
  const match = keyPattern.exec(text);
  return match ? { key: match[1] ?? '', value: match[2] ?? '' } : undefined;
}
