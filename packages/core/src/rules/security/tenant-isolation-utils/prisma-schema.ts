import { defineTextService } from '../../../engine/rule-services';
export interface PrismaField {
  name: string;
  type: string;
  /** Everything after the type: `@id @default(uuid())`, `@relation(fields: [tenantId], ...)`. */
  attributes: string;
}

export interface PrismaModel {
  name: string;
  fields: PrismaField[];
}

/** The client accessor of a model: its name with a lower-case first letter (`InvoiceLine` → `invoiceLine`). */
export function accessorOf(modelName: string): string {
  return modelName.charAt(0).toLowerCase() + modelName.slice(1);
}

/**
 * A schema's models, parsed once per run while its text is unchanged: one schema serves every file
 * of the project. A few schema paths at most are alive in a run.
 */
export const prismaModels = defineTextService('Prisma schema models', 4, (_path, text) => parsePrismaSchema(text));

const BLOCK_START = /^(?:model|view)\s+(\w+)\s*\{(.*)$/;
const FIELD = /^(\w+)\s+([\w.]+(?:\[\])?\??)\s*(.*)$/;

/** The `model` and `view` blocks of a Prisma schema. */
export function parsePrismaSchema(text: string): readonly PrismaModel[] {
  const models: PrismaModel[] = [];
  let current: PrismaModel | undefined;
  for (const rawLine of text.split(/\r?\n/)) {
    const line = withoutComment(rawLine).trim();
    if (line === '') continue;
    if (!current) {
      const start = BLOCK_START.exec(line);
      if (!start) continue;
      current = { name: start[1], fields: [] };
      // `model Empty {}` opens and closes on one line.
      if (start[2].trim().startsWith('}')) {
        models.push(current);
        current = undefined;
      }
      continue;
    }
    if (line.startsWith('}')) {
      models.push(current);
      current = undefined;
      continue;
    }
    // `@@map`, `@@unique`, `@@index` describe the model, not a field.
    if (line.startsWith('@')) continue;
    const field = FIELD.exec(line);
    if (field) current.fields.push({ name: field[1], type: field[2], attributes: field[3] });
  }
  return models;
}

/** The line without its `//` or `///` comment; `//` inside a string (`"https://..."`) is not one. */
function withoutComment(line: string): string {
  let inString = false;
  for (let index = 0; index < line.length; index++) {
    const character = line[index];
    if (inString && character === '\\') index++;
    else if (character === '"') inString = !inString;
    else if (!inString && character === '/' && line[index + 1] === '/') return line.slice(0, index);
  }
  return line;
}

/**
 * The tenant-scoped models of a schema (those with a `field` field) by client accessor, each with
 * the names of its relation fields built on the tenant field (`tenant Tenant @relation(fields:
 * [tenantId], ...)`): connecting that relation sets the tenant as well.
 */
export function tenantModelsOf(models: readonly PrismaModel[], field: string): Map<string, Set<string>> {
  const scoped = new Map<string, Set<string>>();
  for (const model of models) {
    if (!model.fields.some((candidate) => candidate.name === field)) continue;
    const relations = model.fields.filter((candidate) => relationFieldsOf(candidate.attributes).includes(field)).map((candidate) => candidate.name);
    scoped.set(accessorOf(model.name), new Set(relations));
  }
  return scoped;
}

function relationFieldsOf(attributes: string): string[] {
  const relation = /@relation\s*\(([^)]*)\)/.exec(attributes);
  const fields = relation && /\bfields\s*:\s*\[([^\]]*)\]/.exec(relation[1]);
  return fields ? fields[1].split(',').map((name) => name.trim()) : [];
}

/**
 * The fields that identify one row, in any model: `@id` and `@unique` fields (`pk BigInt @id`,
 * `shareId String @unique`). A row's value of one of them names that very row, whatever the
 * field is called.
 */
export function rowKeysOf(models: readonly PrismaModel[]): Set<string> {
  const keys = new Set<string>();
  for (const model of models) for (const field of model.fields) if (/@(?:id|unique)\b/.test(field.attributes)) keys.add(field.name);
  return keys;
}
