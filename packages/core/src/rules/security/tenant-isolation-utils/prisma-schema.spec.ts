import { RunServices } from '../../../engine/rule-services';
import { accessorOf, parsePrismaSchema, prismaModels, rowKeysOf, tenantModelsOf } from './prisma-schema';

describe('parsePrismaSchema', () => {
  it('should read model and view blocks with their fields, skipping block attributes and other blocks', () => {
    const models = parsePrismaSchema(
      [
        'generator client {',
        '  provider = "prisma-client-js"',
        '}',
        'enum Role {',
        '  ADMIN',
        '}',
        'model Invoice {',
        '  id       String   @id @default(uuid())',
        '  tenantId String   @map("tenant_id")',
        '  lines    Line[]',
        '  note     String?',
        '  @@unique([tenantId, id])',
        '  @@map("invoices")',
        '}',
        'view InvoiceTotal {',
        '  tenantId String',
        '}',
        'model Empty {}',
      ].join('\n'),
    );
    expect(models.map((model) => [model.name, model.fields.map((field) => `${field.name}:${field.type}`)])).toEqual([
      ['Invoice', ['id:String', 'tenantId:String', 'lines:Line[]', 'note:String?']],
      ['InvoiceTotal', ['tenantId:String']],
      ['Empty', []],
    ]);
  });

  it('should ignore // and /// comments but not // inside strings', () => {
    const models = parsePrismaSchema(
      [
        '/// Docs for Note',
        'model Note { // trailing',
        '  // tenantId String',
        '  /// tenantId String',
        '  url String @default("https://example.com") // tenantId',
        '}',
        '// model Old {',
        '//   tenantId String',
        '// }',
      ].join('\r\n'),
    );
    expect(models).toEqual([{ name: 'Note', fields: [{ name: 'url', type: 'String', attributes: '@default("https://example.com")' }] }]);
  });

  it('should parse a schema once per run while its text is unchanged, and again once it changes', () => {
    const text = 'model A {\n  tenantId String\n}\n';
    const run = new RunServices();
    const first = run.derive(prismaModels, 'prisma/schema.prisma', text);
    expect(run.derive(prismaModels, 'prisma/schema.prisma', `${text}`)).toBe(first);
    expect(run.derive(prismaModels, 'prisma/schema.prisma', `${text}model B {\n  id Int\n}\n`)).not.toBe(first);
    expect(new RunServices().derive(prismaModels, 'prisma/schema.prisma', text)).not.toBe(first);
  });
});

describe('tenantModelsOf', () => {
  it('should key tenant-scoped models by client accessor, with the relations built on the tenant field', () => {
    const models = parsePrismaSchema(
      [
        'model InvoiceLine {',
        '  id        String @id',
        '  tenantId  String',
        '  workspace Tenant @relation("Lines", fields: [tenantId], references: [id], onDelete: Cascade)',
        '  invoice   Invoice @relation(fields: [invoiceId, tenantId], references: [id, tenantId])',
        '  invoiceId String',
        '}',
        'model Country {',
        '  code String @id',
        '}',
      ].join('\n'),
    );
    expect(tenantModelsOf(models, 'tenantId')).toEqual(new Map([['invoiceLine', new Set(['workspace', 'invoice'])]]));
    expect(tenantModelsOf(models, 'organizationId')).toEqual(new Map());
  });

  it('should lower only the first letter of a model name, as the Prisma client does', () => {
    expect([accessorOf('Invoice'), accessorOf('ABTest'), accessorOf('invoice')]).toEqual(['invoice', 'aBTest', 'invoice']);
  });
});

describe('rowKeysOf', () => {
  it('should collect @id and @unique fields of every model, not @@unique blocks, @default(uuid()) alone or names that merely start alike', () => {
    const schema =
      'model Share {\n  pk BigInt @id @default(autoincrement())\n  shareId String @unique\n  uid String\n  uniqueness String\n' +
      '  title String @default(uuid())\n  @@unique([uid, title])\n}\nmodel Tag {\n  id String @id\n  label String @unique ' +
      '@db.VarChar(20)\n  identifier String @idx\n}\n';
    expect([...rowKeysOf(parsePrismaSchema(schema))].sort()).toEqual(['id', 'label', 'pk', 'shareId']);
  });
});
