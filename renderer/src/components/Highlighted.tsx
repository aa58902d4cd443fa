import { highlightSegments } from '../search/highlight';

/** A text with the parts the search terms match in <mark>. */
export function Highlighted({ text, terms }: { readonly text: string; readonly terms: readonly string[] }) {
  if (terms.length === 0) return <>{text}</>;
  return (
    <>
      {highlightSegments(text, terms).map((segment, i) =>
        segment.match ? <mark key={i}>{segment.text}</mark> : <span key={i}>{segment.text}</span>,
      )}
    </>
  );
}
