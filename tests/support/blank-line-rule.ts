import type { IniLine } from '../../electron/core/aws-files/ini-document';

/**
 * The one byte IniDocument changes outside an edit: when the edit brings a blank line ended by LF
 * right after a line ended by a lone CR, the blank line ends with CR instead (else the pair would
 * read back as one CRLF and the blank line vanish). Expected lines go through the same rule.
 */
export function separateBlankLines(lines: readonly IniLine[]): IniLine[] {
  const result: IniLine[] = [];
  for (const line of lines) {
    const previous = result[result.length - 1];
    result.push(
      previous?.eol === '\r' && line.text === '' && line.eol === '\n' ? { text: '', eol: '\r' } : { ...line },
    );
  }
  return result;
}
