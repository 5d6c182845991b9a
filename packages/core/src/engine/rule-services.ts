import type { ts } from 'ts-morph';

/** What a file service derives from: the file being checked. */
export interface FileServiceInput {
  readonly file: string;
  readonly text: string;
  /** The syntax tree, parsed on first access (code files only). */
  readonly sourceFile: ts.SourceFile;
}

/**
 * A value derived from the file being checked (its Python lines, its NestJS imports), computed once
 * per file however many rules ask for it (`context.service`), and dropped with the file.
 */
export interface FileService<T> {
  readonly name: string;
  derive(file: FileServiceInput): T;
}

/**
 * A value derived from another workspace file's text (a Prisma schema's models, a tsconfig's path
 * aliases), computed once per run while that text is unchanged (`context.derive`). At most `limit`
 * paths are kept per service, the oldest dropped first, so memory stays bounded.
 */
export interface TextService<T> {
  readonly name: string;
  readonly limit: number;
  derive(path: string, text: string): T;
}

export function defineFileService<T>(name: string, derive: (file: FileServiceInput) => T): FileService<T> {
  return { name, derive };
}

export function defineTextService<T>(name: string, limit: number, derive: (path: string, text: string) => T): TextService<T> {
  return { name, limit, derive };
}

/** The values of text services for one run (one per file pipeline, worker thread or test case). */
export class RunServices {
  private readonly caches = new Map<TextService<unknown>, Map<string, { text: string; value: unknown }>>();

  derive<T>(service: TextService<T>, path: string, text: string): T {
    let entries = this.caches.get(service as TextService<unknown>);
    if (!entries) this.caches.set(service as TextService<unknown>, (entries = new Map()));
    const cached = entries.get(path);
    // Keyed by path and compared by text: a changed file is derived again, never served stale.
    if (cached && cached.text === text) return cached.value as T;
    const value = service.derive(path, text);
    if (!cached && entries.size >= service.limit) entries.delete(entries.keys().next().value as string);
    entries.set(path, { text, value });
    return value;
  }
}

/** The values of file services for the file being checked. */
export class FileServices {
  private readonly values = new Map<FileService<unknown>, unknown>();

  constructor(private readonly input: FileServiceInput) {}

  get<T>(service: FileService<T>): T {
    if (this.values.has(service as FileService<unknown>)) return this.values.get(service as FileService<unknown>) as T;
    const value = service.derive(this.input);
    this.values.set(service as FileService<unknown>, value);
    return value;
  }
}
