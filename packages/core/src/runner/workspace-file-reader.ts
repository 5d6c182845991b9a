import { join } from 'node:path';
import { contentDigest, MISSING_DEPENDENCY } from '../engine/content-digest';
import type { SourceReader } from './read-source';

/** How many texts stay cached: a few shared files (a schema, DTOs) are read for many files. */
const CACHED_TEXTS = 32;

/**
 * The files rules read besides the one they check (`context.readFile`), with the same refusals as
 * the files checked (size, binary, links out of the workspace). A small most-recently-used cache
 * keeps memory bounded; digests, a few bytes each, are kept for the run so a stored result's
 * dependencies are checked without reading a file twice.
 */
export class WorkspaceFileReader {
  private readonly texts = new Map<string, string | undefined>();
  private readonly digests = new Map<string, string>();

  constructor(
    private readonly workspaceRoot: string,
    /** Also reads the checked files, so one run resolves each folder's real path once. */
    readonly reader: SourceReader,
  ) {}

  read(path: string): string | undefined {
    if (this.texts.has(path)) {
      const text = this.texts.get(path);
      // Refresh its place: the cache drops the least recently used text first.
      this.texts.delete(path);
      this.texts.set(path, text);
      return text;
    }
    const outcome = this.reader.read(join(this.workspaceRoot, path));
    const text = 'text' in outcome ? outcome.text : undefined;
    this.texts.set(path, text);
    if (this.texts.size > CACHED_TEXTS) this.texts.delete(this.texts.keys().next().value as string);
    this.digests.set(path, text === undefined ? MISSING_DEPENDENCY : contentDigest(text));
    return text;
  }

  /** The digest `context.readFile` would record for the path now. */
  digest(path: string): string {
    const known = this.digests.get(path);
    if (known !== undefined) return known;
    this.read(path);
    return this.digests.get(path) as string;
  }
}
