/**
 * Attribute converters for the properties that take JSON: low-code tools and page builders can set
 * attributes only, so arrays and maps must be writable as attribute text too.
 */

/** Parses the JSON `items` attribute; null marks invalid JSON (reported by the guard). */
export const jsonArray = {
  fromAttribute(value: string | null): unknown[] | null | undefined {
    if (value === null || value.trim() === '') return undefined;
    try {
      const parsed: unknown = JSON.parse(value);
      return Array.isArray(parsed) ? parsed : null;
    } catch {
      return null;
    }
  },
};

/** Parses the JSON `messages` attribute; anything but an object is ignored. */
export const jsonStrings = {
  fromAttribute(value: string | null): Record<string, string> | undefined {
    if (!value) return undefined;
    try {
      const parsed: unknown = JSON.parse(value);
      return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, string>) : undefined;
    } catch {
      return undefined;
    }
  },
};
