const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * A value as HTML (or inline SVG) text or attribute content: the five characters that could
 * end a text node or an attribute are replaced by entities. Every value the report shows goes
 * through it, validated or not.
 */
export function escapeHtml(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (c) => ENTITIES[c]);
}
