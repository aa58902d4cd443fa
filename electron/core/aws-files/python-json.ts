/**
 * `json.dumps` with Python's defaults (`", "` and `": "` separators, non-ASCII escaped), so a
 * file we write is byte-for-byte what the AWS CLI would have written.
 */
export function pythonJsonDumps(
  value: Readonly<Record<string, string | number | boolean | null | readonly string[]>>,
): string {
  const encode = (item: unknown): string => {
    if (Array.isArray(item)) return `[${item.map(encode).join(', ')}]`;
    return JSON.stringify(item).replace(
      /[\u007f-\uffff]/g,
      (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
    );
  };
  return `{${Object.entries(value)
    .map(([key, item]) => `${encode(key)}: ${encode(item)}`)
    .join(', ')}}`;
}
