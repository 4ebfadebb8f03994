let counter = 0;

/** A document-unique id prefix, so two widgets on one page never share mount containers. */
export function uniqueId(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}-${Math.random().toString(36).slice(2, 8)}`;
}
