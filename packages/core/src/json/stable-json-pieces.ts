import { stableStringify } from './stable-stringify';

/**
 * Containers nearer the root than this are written a member at a time; deeper ones (a violation, a
 * shard entry's fields) in one piece each. Reports, SARIF logs and shards keep their long lists at
 * depth 1 to 3.
 */
const PIECEWISE_DEPTH = 4;

/**
 * The bytes of `stableStringify(value, indent)`, handed to `emit` in pieces, so a large report or
 * shard is written without ever being one string in memory (a 50,000-file shard is a 14 MB
 * string, and building it took as much again).
 */
export function stableJsonPieces(value: unknown, indent: number, emit: (piece: string) => void): void {
  writeValue(value, 0);
  emit('\n');

  function writeValue(node: unknown, depth: number): void {
    const piecewise = depth < PIECEWISE_DEPTH && node !== null && typeof node === 'object' && typeof (node as { toJSON?: unknown }).toJSON !== 'function';
    if (!piecewise) {
      // Strings never hold a raw line break in JSON, so the nested text takes this depth's indentation.
      const text = stableStringify(node, indent).slice(0, -1);
      emit(indent > 0 && depth > 0 ? text.replaceAll('\n', `\n${' '.repeat(indent * depth)}`) : text);
      return;
    }
    const inner = indent > 0 ? `\n${' '.repeat(indent * (depth + 1))}` : '';
    const close = indent > 0 ? `\n${' '.repeat(indent * depth)}` : '';
    if (Array.isArray(node)) {
      if (node.length === 0) return emit('[]');
      node.forEach((item, index) => {
        emit(`${index === 0 ? '[' : ','}${inner}`);
        // As JSON.stringify: what JSON cannot hold is null inside an array.
        if (item === undefined || typeof item === 'function' || typeof item === 'symbol') emit('null');
        else writeValue(item, depth + 1);
      });
      return emit(`${close}]`);
    }
    const record = node as Record<string, unknown>;
    // As JSON.stringify: members JSON cannot hold are left out.
    const keys = Object.keys(record)
      .sort()
      .filter((key) => record[key] !== undefined && typeof record[key] !== 'function' && typeof record[key] !== 'symbol');
    if (keys.length === 0) return emit('{}');
    keys.forEach((key, index) => {
      emit(`${index === 0 ? '{' : ','}${inner}${JSON.stringify(key)}${indent > 0 ? ': ' : ':'}`);
      writeValue(record[key], depth + 1);
    });
    emit(`${close}}`);
  }
}
