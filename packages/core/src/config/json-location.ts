import { findNodeAtLocation, type Node as JsonNode } from 'jsonc-parser';

export type JsonPathSegment = string | number;

/** `rules["logging/no-console"][1].allow`: readable, and unambiguous for keys with slashes. */
export function formatJsonPath(segments: readonly JsonPathSegment[]): string {
  return segments
    .map((segment, index) => {
      if (typeof segment === 'number') return `[${segment}]`;
      if (/^[A-Za-z_$][\w$]*$/.test(segment)) return index === 0 ? segment : `.${segment}`;
      return `[${JSON.stringify(segment)}]`;
    })
    .join('');
}

/** Splits an ajv instance path (`/rules/logging~1no-console/1`) into segments. */
export function segmentsOfPointer(pointer: string): JsonPathSegment[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((raw) => raw.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}

/** `line:column` (1-based) of an offset in `text`. */
export function locationOfOffset(text: string, offset: number): string {
  let line = 1;
  let lineStart = 0;
  for (let index = 0; index < offset && index < text.length; index++) {
    if (text.charCodeAt(index) === 10) {
      line++;
      lineStart = index + 1;
    }
  }
  return `${line}:${offset - lineStart + 1}`;
}

/** `line:column` of the value at `segments`, or of its nearest existing parent. */
export function locationOfPath(tree: JsonNode | undefined, text: string, segments: readonly JsonPathSegment[]): string | undefined {
  if (!tree) return undefined;
  for (let length = segments.length; length >= 0; length--) {
    const node = findNodeAtLocation(tree, segments.slice(0, length) as JsonPathSegment[]);
    if (node) {
      // For a property value, point at its key: that is where the reader looks.
      const keyNode = node.parent?.type === 'property' ? node.parent.children?.[0] : undefined;
      return locationOfOffset(text, (keyNode ?? node).offset);
    }
  }
  return undefined;
}
