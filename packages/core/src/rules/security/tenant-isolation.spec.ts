import { lintSource } from '../../engine/lint-source';
import { lintWithRule, RuleTester } from '../../testing/rule-tester';
import rule, { type TenantIsolationOptions } from './tenant-isolation';

const options: Partial<TenantIsolationOptions> = { models: ['Invoice', 'Customer'] };
const schemaOptions: Partial<TenantIsolationOptions> = { schemaPath: 'prisma/schema.prisma' };

const schema = `// Billing schema
datasource db {
  provider = "postgresql"
  url      = env("DATABASE_URL") // "https://not-a-comment"
}

model Tenant {
  id       String    @id @default(uuid())
  invoices Invoice[]
}

/// Invoices belong to one tenant.
model Invoice {
  id           String @id @default(uuid())
  tenantId     String @map("tenant_id") // the owner
  organization Tenant @relation(fields: [tenantId], references: [id])
  number       Int
  @@unique([tenantId, number])
  @@map("invoices")
}

model CustomerNote {
  id       String @id
  tenantId String
  text     String
}

model Share {
  pk      BigInt @id @default(autoincrement())
  shareId String @unique
  tenantId String
  title   String
}

model Country {
  code String @id
  // tenantId String
  /// tenantId String
  name String
}

enum Status {
  OPEN
  PAID
}
`;
const files = { 'prisma/schema.prisma': schema };

const controller = (method: string) => `@Controller('invoices')
export class InvoicesController {
  constructor(private readonly prisma: PrismaService) {}

${method}
}`;

new RuleTester().run(rule, {
  valid: [
    // A private helper of the class that reads the row by that id and the tenant, and throws without it (real code: refly's getInstallationOrThrow).
    {
      code:
        `class Invoices {\n  async pay(invoiceId: string, user: User) {\n    await this.invoiceOrThrow(invoiceId, ` +
        `user.tenantId);\n    await prisma.invoice.update({ where: { id: invoiceId }, data: { paid: true } });\n  }\n  private ` +
        `async invoiceOrThrow(id: string, tenantId: string) {\n    const invoice = await prisma.invoice.findFirst({ where: { id, ` +
        `tenantId } });\n    if (!invoice) throw new NotFoundException();\n    return invoice;\n  }\n}`,
      options,
    },
    {
      code:
        `class Invoices {\n  async pay(invoiceId: string, user: User) {\n    await this.invoiceOrThrow(invoiceId, ` +
        `user.tenantId);\n    await prisma.invoice.update({ where: { id: invoiceId }, data: { paid: true } });\n  }\n  private ` +
        `async invoiceOrThrow(id: string, tenantId: string) {\n    return prisma.invoice.findFirstOrThrow({ where: { id, ` +
        `tenantId } });\n  }\n}`,
      options,
    },
    // Read, checked, then written by the same id (real code: refly's deleteSchedule, skill packages); a row this code created with the tenant.
    {
      code:
        `async function run(id: string, tenantId: string) {\n  const invoice = await prisma.invoice.findFirst({ where: { id, ` +
        `tenantId } });\n  if (!invoice) throw new NotFoundException();\n  await prisma.invoice.update({ where: { id }, data: { ` +
        `paid: true } });\n}`,
      options,
    },
    {
      code:
        `async function run(id: string, tenantId: string) {\n  const invoice = await prisma.invoice.findFirst({ where: { id, ` +
        `tenantId } });\n  if (!invoice) {\n    this.logger.warn('missing');\n    return null;\n  }\n  await ` +
        `prisma.invoice.delete({ where: { id } });\n}`,
      options,
    },
    {
      code:
        `async function run(tenantId: string, number: number) {\n  const id = randomUUID();\n  await prisma.invoice.create({ ` +
        `data: { id, tenantId, number } });\n  await this.render(id);\n  await prisma.invoice.update({ where: { id }, data: { ` +
        `rendered: true } });\n}`,
      options,
    },
    // The tenant from the authenticated context, in every form the where can take it.
    { code: `const invoices = await prisma.invoice.findMany({ where: { tenantId: user.tenantId, status: 'open' } });`, options },
    { code: `const { tenantId } = req.user;\nawait prisma.invoice.findMany({ where: { tenantId } });`, options },
    { code: `await prisma.invoice.findMany({ where: { tenantId: req.user.tenantId } });`, options },
    { code: `await prisma.invoice.findMany({ where: { AND: [{ tenantId }, { status: 'open' }] } });`, options },
    { code: `await prisma.invoice.findFirst({ where: { AND: { tenantId: session.tenantId } } });`, options },
    { code: `await prisma.invoice.findMany({ where: { OR: [{ tenantId, status: 'open' }, { tenantId, dueAt: { lt: now } }] } });`, options },
    { code: `await prisma.invoice.findMany({ where: { ...filters, tenantId } });`, options },
    { code: `await prisma.invoice.findMany({ where: { ...{ tenantId }, status } });`, options },
    { code: `await prisma.invoice.findMany({ ...pagination, where: { tenantId } });`, options },
    { code: `await prisma.invoice.findMany({ where: archived ? { tenantId, archived } : { tenantId } });`, options },
    { code: `await prisma.invoice.findMany({ where: { tenantId: { equals: user.tenantId } } });`, options },
    // Compound unique keys that contain the tenant, by Prisma's name or a custom one.
    { code: `await prisma.customer.findUnique({ where: { tenantId_email: { tenantId, email } } });`, options },
    { code: `await prisma.customer.delete({ where: { tenantEmail: { tenantId: user.tenantId, email } } });`, options },
    { code: `await prisma.customer.update({ where: { tenantId_email: key }, data: { name } });`, options },
    // Writes that set the tenant.
    { code: `await prisma.invoice.create({ data: { tenantId: user.tenantId, amount } });`, options },
    { code: `await prisma.invoice.create({ data: { tenant: { connect: { id: user.tenantId } }, amount } });`, options },
    { code: `await prisma.invoice.create({ data: { ...input, tenantId } });`, options },
    { code: `await prisma.invoice.createMany({ data: [{ tenantId, number: 1 }, { tenantId, number: 2 }] });`, options },
    { code: `await prisma.invoice.createMany({ data: rows.map((row) => ({ ...row, tenantId })) });`, options },
    { code: `await prisma.invoice.createManyAndReturn({ data: rows.map((row) => {\n  return { ...row, tenantId };\n}) });`, options },
    {
      code:
        `await prisma.invoice.createMany({ data: rows.map((row, index) => {\n  const number = start + index;\n  return { ` +
        `number, amount: row.amount, tenantId };\n}) });`,
      options,
    },
    {
      code: `await prisma.customer.upsert({\n  where: { tenantId_email: { tenantId, email } },\n  create: { tenantId, email, name },\n  update: { name },\n});`,
      options,
    },
    // Models that are not tenant-scoped, and the same operation names on other objects.
    { code: `await prisma.country.findMany();\nawait prisma.user.delete({ where: { id } });`, options },
    `await prisma.invoice.findMany();`,
    { code: `const rows = await repo.find({ where: { id } });\nmap.delete(key);\narray.findMany();`, options },
    { code: `class Store {\n  clear(key: string) {\n    this.cache.delete(key);\n    this.repository.order.findMany();\n  }\n}`, options },
    { code: `await service.report.findMany();\nawait prisma.$queryRaw\`SELECT 1\`;\nawait prisma.invoice.$count;\nawait cache[key].delete();`, options },
    // Repositories and wrappers: a tenant-scoped model before a Prisma operation, whatever holds the client.
    {
      code: `class Posts {\n  list(org: Org) {\n    return this._invoices.model.invoice.findMany({ where: { tenantId: org.id, deletedAt: null } });\n  }\n}`,
      options,
    },
    // A where declared as a local const above, and never changed, is read.
    {
      code: `const where = { tenantId: user.tenantId, status };\nawait prisma.invoice.findMany({ where });\nawait prisma.invoice.count({ where: where });`,
      options,
    },
    { code: `const query = { where: { AND: [{ tenantId }, { status }] } };\nawait prisma.invoice.findMany(query);`, options },
    { code: `const data = { ...input, tenantId: user.tenantId };\nawait prisma.invoice.create({ data });`, options },
    // Filters through a relation: the tenant relation by id, a parent that holds the tenant, \`is\`.
    { code: `await prisma.invoice.findMany({ where: { tenant: { id: user.tenantId } } });`, options },
    {
      code:
        `await prisma.invoice.findMany({ where: { customer: { tenantId } } });\nawait prisma.invoice.findMany({ where: { ` +
        `customer: { is: { tenant: { id: tenantId } } } } });`,
      options,
    },
    // The id of a row the same function read through Prisma: that read is where the tenant is checked.
    {
      code:
        `const invoice = await prisma.invoice.findFirstOrThrow({ where: { id, tenantId } });\nawait prisma.invoice.update({ ` +
        `where: { id: invoice.id }, data: { paid: true } });`,
      options,
    },
    { code: `const { id } = await tx.invoice.findFirst({ where: { number, tenantId } });\nawait tx.invoice.delete({ where: { id } });`, options },
    {
      code:
        `const invoices = await prisma.invoice.findMany({ where: { tenantId, paid: false } });\nawait ` +
        `Promise.all(invoices.map((invoice) => prisma.invoice.update({ where: { id: invoice.id }, data: { paid: true } })));\n` +
        `for (const { id } of invoices) await prisma.invoice.delete({ where: { id } });`,
      options,
    },
    {
      code:
        `const open = await prisma.invoice.findMany({ where: { tenantId, paid: false } });\nawait prisma.invoice.updateMany({ ` +
        `where: { id: { in: open.map((invoice) => invoice.id) } }, data: { reminded: true } });`,
      options,
    },
    {
      code:
        `const invoices = await prisma.invoice.findMany({ where: { tenantId, number } });\nconst [first] = invoices;\nawait ` +
        `prisma.invoice.update({ where: { id: first.id }, data: { paid: true } });`,
      options,
    },
    {
      code: `const credit = await prisma.invoice.create({ data: { tenantId, amount } });\nawait prisma.invoice.delete({ where: { id: credit.id } });`,
      options,
    },
    {
      code:
        `const open = await prisma.invoice.findMany({ where: { tenantId } });\nconst first = open.slice(0, limit);\nconst ids = ` +
        `first.map((invoice) => invoice.id);\nawait prisma.invoice.updateMany({ where: { id: { in: ids } }, data: { flagged: ` +
        `true } });`,
      options,
    },
    // Any key the rows hold, not only `id` (real code: refly's schedule sweep by scheduleId).
    {
      code:
        `const open = await prisma.invoice.findMany({ where: { tenantId } });\nconst first = open.slice(0, limit);\nconst ` +
        `numbers = first.map((invoice) => invoice.invoiceId);\nawait prisma.invoice.updateMany({ where: { invoiceId: { in: ` +
        `numbers } }, data: { flagged: true } });`,
      options,
    },
    // A reference a row read holds came from the database: the row it names is of the read row's tenant.
    {
      code:
        `const invoice = await prisma.invoice.findFirst({ where: { id, tenantId } });\nawait prisma.customer.findUnique({ ` +
        `where: { id: invoice.customerId } });\nawait prisma.invoice.updateMany({ where: { customerId: invoice.customerId }, ` +
        `data: { flagged: true } });`,
      options,
    },
    {
      code:
        `const { customer_id } = await prisma.invoice.findFirstOrThrow({ where: { id, tenantId } });\nawait ` +
        `prisma.customer.delete({ where: { id: customer_id } });`,
      options,
    },
    // A read by id alone whose row's tenant is checked before anything uses it: compared, or handed to a check that throws (real code: pezzo's
    // resolvers, `isOrgMemberOrThrow(user, project.organizationId)`); the writes after it by that id too.
    {
      code:
        `async function run(id: string, tenantId: string) {\n  const invoice = await prisma.invoice.findUnique({ where: { id } ` +
        `});\n  if (!invoice || invoice.tenantId !== user.tenantId) throw new NotFoundException();\n  await ` +
        `prisma.invoice.update({ where: { id }, data: {} });\n}`,
      options,
    },
    {
      code:
        `async function run(id: string, user: User) {\n  const invoice = await prisma.invoice.findUnique({ where: { id } });\n  ` +
        `if (!invoice) throw new NotFoundException();\n  this.logger.info('checking');\n  isTenantMemberOrThrow(user, ` +
        `invoice.tenantId);\n  await prisma.invoice.delete({ where: { id } });\n  return invoice;\n}`,
      options,
    },
    {
      code:
        `async function run(id: string, user: User) {\n  const invoice = await prisma.invoice.findFirst({ where: { id } });\n  ` +
        `await this.access.assertRole(user, invoice.tenantId, 'admin');\n  return invoice;\n}`,
      options,
    },
    // Round 15's fresh refly sample: ids of rows read, through filter and map, or one by one in a loop (real code: refly's getCanvasContentItems,
    // deleteEntityNodesFromCanvases).
    {
      code:
        `const rows = await prisma.invoice.findMany({ where: { tenantId } });\nawait prisma.invoice.updateMany({ where: { id: { ` +
        `in: rows.filter((row) => row.open).map((row) => row.id) } }, data: { flagged: true } });`,
      options,
    },
    {
      code:
        `const rows = await prisma.invoice.findMany({ where: { tenantId } });\n` +
        `const customerIds = rows.map((row) => row.customerId);\nfor (const customerId of customerIds) {\n` +
        `  await prisma.invoice.findFirst({ where: { customerId } });\n}`,
      options,
    },
    {
      code:
        `const rows = await prisma.invoice.findMany({ where: { tenantId } });\n` +
        `const customerIds = rows.map((row) => row.customerId);\n` +
        `await Promise.all(customerIds.map((customerId) => prisma.invoice.findFirst({ where: { customerId } })));`,
      options,
    },
    {
      code:
        `async function flagOpen(tenantId: string) {\n  let rows = await prisma.invoice.findMany({ where: { tenantId } });\n  ` +
        `rows = rows.filter((row) => row.open);\n  await prisma.invoice.updateMany({ where: { id: { in: rows.map((row) => ` +
        `row.id) } }, data: { flagged: true } });\n}`,
      options,
    },
    // A key destructured from a row-typed parameter (real code: refly's parseViaLambda, round 18).
    {
      code:
        `import { Invoice as DbInvoice } from '@prisma/client';\nasync function archive(invoice: DbInvoice) {\n  const { id } = ` +
        `invoice;\n  await prisma.invoice.update({ where: { id }, data: { archived: true } });\n}`,
      options,
    },
    // A row type of the generated client, or nothing (real code: refly's createOrUpdateWorkflowAppShare).
    {
      code:
        `import { Invoice } from '@prisma/client';\nasync function archive(invoice: Invoice | null) {\n  if (invoice) await ` +
        `prisma.invoice.update({ where: { id: invoice.id }, data: { archived: true } });\n}`,
      options,
    },
    // Rows built by a block-bodied map into a const, then created (real code: refly's batchCreateDriveFiles).
    {
      code:
        `const rows = items.map((item) => {\n  const number = item.number + 1;\n  return { ...item, number, tenantId: ` +
        `user.tenantId };\n});\nawait prisma.invoice.createMany({ data: rows });`,
      options,
    },
    // A `let` read whose row, when there is one, must be the tenant's (real code: refly's updateCodeArtifact); a `let` list read with the tenant.
    {
      code:
        `async function update(id: string, tenantId: string) {\n  let existing = await prisma.invoice.findUnique({ where: { id ` +
        `} });\n  if (existing && existing.tenantId !== tenantId) throw new ForbiddenException();\n  return existing;\n}`,
      options,
    },
    {
      code:
        `async function flag(tenantId: string) {\n  let rows = await prisma.invoice.findMany({ where: { tenantId } });\n` +
        `  const ids = rows.map((row) => row.id);\n` +
        `  await prisma.invoice.updateMany({ where: { id: { in: ids } }, data: { flagged: true } });\n}`,
      options,
    },
    // The same property of an input nothing changes, read and checked first (real code: pezzo's InvitationsResolver.deleteInvitation).
    {
      code:
        `async function remove(input: { id: string }, user: User) {\n  const invoice = await prisma.invoice.findUnique({ ` +
        `where: { id: input.id } });\n  if (!invoice) throw new NotFoundException();\n  assertTenantOrThrow(user, ` +
        `invoice.tenantId);\n  await prisma.invoice.delete({ where: { id: input.id } });\n}`,
      options,
    },
    // A `let` that starts empty and only ever holds what a Prisma find returned (real code: refly's uploadFile).
    {
      code:
        `async function upload(key: string, tenantId: string) {\n  let existing: Invoice | null = null;\n  if (key) {\n    ` +
        `existing = await prisma.invoice.findFirst({ where: { key, tenantId } });\n  }\n  if (existing) await ` +
        `prisma.invoice.update({ where: { id: existing.id }, data: { paid: true } });\n}`,
      options,
    },
    // An id an earlier *OrThrow read of the same model checked against the tenant, on every path.
    {
      code:
        `async function close(id: string, tenantId: string) {\n` +
        `  await prisma.invoice.findUniqueOrThrow({ where: { id, tenantId } }).catch(() => {\n` +
        `    throw new NotFoundException('invoice');\n  });\n  await prisma.invoice.delete({ where: { id } });\n}`,
      options,
    },
    {
      code:
        `async function pay(id: string, tenantId: string) {\n` +
        `  const invoice = await prisma.invoice.findFirstOrThrow({ where: { id, tenantId }, select: { total: true } });\n` +
        `  await prisma.invoice.update({ where: { id }, data: { paid: invoice.total } });\n}`,
      options,
    },
    // Rows this function wrote, pushed one by one into a list that starts empty.
    {
      code:
        `const created = [];\nfor (const item of items) created.push(await prisma.invoice.create({ data: { ...item, tenantId } ` +
        `}));\nawait prisma.invoice.update({ where: { id: created[created.length - 1].id }, data: { last: true } });`,
      options,
    },
    // Helpers this file declares: a local arrow function, a private method with one return.
    {
      code:
        `const dataFor = (kind: string) => ({ kind, amount, tenant: { connect: { id: tenantId } } });\nawait ` +
        `prisma.invoice.upsert({ where: { tenantId_number: { tenantId, number } }, create: { ...dataFor('create') }, update: ` +
        `dataFor('update') });`,
      options,
    },
    {
      code:
        `class Invoices {\n  list(userTenant: string, status: string) {\n    const where = this.whereFor({ tenantId: ` +
        `userTenant, status });\n    return Promise.all([this.prisma.invoice.findMany({ where }), ` +
        `this.prisma.invoice.deleteMany({ where: this.whereFor({ tenantId: userTenant, status }) })]);\n  }\n  private ` +
        `whereFor({ tenantId, status }: { tenantId: string; status: string }) {\n    const where: Filter = { tenantId, AND: [] ` +
        `};\n    if (status) where.status = status;\n    return where;\n  }\n}`,
      options,
    },
    // Without the schema, a relation connected by a unique key that holds the tenant sets it.
    { code: `await prisma.invoice.create({ data: { customer: { connect: { id_tenantId: { id: customerId, tenantId } } }, amount } });`, options },
    // A parameter typed with a row type of the generated client holds a row read from the database.
    {
      code:
        `import { Invoice as DbInvoice } from '@prisma/client';\nasync function archive(invoice: DbInvoice) {\n  await ` +
        `prisma.invoice.update({ where: { id: invoice.id }, data: { archived: true } });\n}`,
      options,
    },
    // A membership model queried by the member's own id.
    {
      code: `await prisma.membership.findMany({ where: { userId: user.id } });`,
      options: { ...options, models: ['Invoice', 'Membership'], membershipModels: ['Membership.userId'] },
    },
    // Transactions: the array form and the interactive client, whatever it is called.
    {
      code: `await prisma.$transaction([\n  prisma.invoice.findMany({ where: { tenantId } }),\n  prisma.invoice.count({ where: { tenantId } }),\n]);`,
      options,
    },
    {
      code:
        `await this.prisma.$transaction(async (trx) => {\n  const invoice = await trx.invoice.update({ where: { id_tenantId: { ` +
        `id, tenantId } }, data: { paid: true } });\n  return trx.invoice.count({ where: { tenantId } });\n});`,
      options,
    },
    // The schema: Invoice and CustomerNote have the tenant field, Country only in comments.
    { code: `await prisma.country.findMany();\nawait db.invoice.findMany({ where: { tenantId } });`, options: schemaOptions, files },
    { code: `await prisma.invoice.create({ data: { organization: { connect: { id: tenantId } }, number } });`, options: schemaOptions, files },
    { code: `await prisma.customerNote.deleteMany({ where: { tenantId, id: { in: ids } } });`, options: schemaOptions, files },
    // A key the schema declares @id or @unique names the row read above, whatever it is called (real code: refly's `pk BigInt @id`).
    {
      code:
        `const share = await prisma.share.findFirst({ where: { shareId, tenantId: user.tenantId } });\nawait ` +
        `prisma.share.update({ where: { pk: share.pk }, data: { title } });`,
      options: schemaOptions,
      files,
    },
    {
      code:
        `const share = await prisma.share.findFirst({ where: { pk, tenantId: user.tenantId } });\nawait prisma.share.delete({ ` +
        `where: { shareId: share.shareId } });`,
      options: schemaOptions,
      files,
    },
    // Multi-line calls and optional chaining.
    { code: `const invoices = await this.prisma.invoice\n  .findMany({\n    where: {\n      tenantId: this.tenant.id,\n    },\n  });`, options },
    { code: `await this.prisma?.invoice?.findMany?.({ where: { tenantId } });`, options },
    // NestJS: the tenant of the authenticated user; the client may pick the row, not the tenant.
    {
      code: controller(
        `  @Get(':id')\n  find(@CurrentUser() user: User, @Param('id') id: string) {\n    return ` +
          `this.prisma.invoice.findFirst({ where: { id, tenantId: user.tenantId } });\n  }`,
      ),
      options,
    },
    {
      code: controller(
        `  @Post()\n  create(@Req() req: AuthedRequest, @Body() dto: CreateInvoiceDto) {\n    return ` +
          `this.prisma.invoice.create({ data: { ...dto, tenantId: req.user.tenantId } });\n  }`,
      ),
      options,
    },
    // A `let` may have been reassigned since (here: checked against the user's memberships); only a `const` is followed back.
    {
      code: `let tenantId = req.query.tenantId;\ntenantId = await membershipOf(user, tenantId);\nawait prisma.invoice.findMany({ where: { tenantId } });`,
      options,
    },
    { code: `await prisma.invoice.findMany({ where: { tenantId: req.headers['x-tenant-id'] } });`, options },
    {
      code:
        `class Jobs {\n  constructor(private readonly database: PrismaService) {}\n  run() {\n    return ` +
        `this.database.invoice.findMany({ where: { tenantId: this.tenantId } });\n  }\n}`,
      options,
    },
    { code: `await orm.invoice.findMany({ where: { tenantId } });`, options: { ...options, clients: ['orm'] } },
    { code: `await prisma.project.findMany({ where: { organizationId } });`, options: { models: ['Project'], tenantField: 'organizationId' } },
    // A relation filter on a to-one relation that holds the tenant field.
    { code: `await prisma.invoice.findMany({ where: { customer: { tenantId } } });`, options },
    { code: `await prisma.invoice.deleteMany();`, options, filename: 'src/invoices.spec.ts', isTestFile: true },
  ],
  invalid: [
    {
      code: `await Promise.all(input.customerIds.map((customerId) => prisma.invoice.findFirst({ where: { customerId } })));`,
      options,
      errors: [{ messageId: 'missingTenantFilter', line: 1 }],
    },
    {
      code:
        `async function flagOpen(tenantId: string, extra: Invoice[]) {\n  let rows = await prisma.invoice.findMany({ where: { ` +
        `tenantId } });\n  rows = rows.concat(extra);\n  await prisma.invoice.updateMany({ where: { id: { in: rows.map((row) => ` +
        `row.id) } }, data: { flagged: true } });\n}`,
      options,
      errors: [{ messageId: 'missingTenantFilter', line: 4 }],
    },
    // A key destructured from what the client sent.
    {
      code:
        `async function archive(input: { id: string }) {\n  const { id } = input;\n  await prisma.invoice.update({ where: { id ` +
        `}, data: { archived: true } });\n}`,
      options,
      errors: [{ messageId: 'missingTenantFilter', line: 3 }],
    },
    // Ids from the client one by one; a row's other field compared; rows built by a map that may change.
    {
      code: `for (const customerId of input.customerIds) {\n  await prisma.invoice.findFirst({ where: { customerId } });\n}`,
      options,
      errors: [{ messageId: 'missingTenantFilter', line: 2 }],
    },
    {
      code:
        `async function update(id: string, uid: string) {\n  let existing = await prisma.invoice.findUnique({ where: { id } ` +
        `});\n  if (existing && existing.ownerId !== uid) throw new ForbiddenException();\n  return existing;\n}`,
      options,
      errors: [{ messageId: 'missingTenantFilter', line: 2 }],
    },
    {
      code: `const rows = items.map((item) => ({ ...item, tenantId }));\nrows.push(extra);\nawait prisma.invoice.createMany({ data: rows });`,
      options,
      errors: [{ messageId: 'cannotVerify', line: 3 }],
    },
    // The input's property may have changed between the check and the write.
    {
      code:
        `async function remove(input: { id: string }, user: User, other: string) {\n  const invoice = await ` +
        `prisma.invoice.findUnique({ where: { id: input.id } });\n  assertTenantOrThrow(user, invoice.tenantId);\n  input.id = ` +
        `other;\n  await prisma.invoice.delete({ where: { id: input.id } });\n}`,
      options,
      errors: [{ messageId: 'missingTenantFilter', line: 5 }],
    },
    {
      code:
        `async function remove(input: { id: string }, user: User, body: object) {\n  const invoice = await ` +
        `prisma.invoice.findUnique({ where: { id: input.id } });\n  assertTenantOrThrow(user, invoice.tenantId);\n  ` +
        `Object.assign(input, body);\n  await prisma.invoice.delete({ where: { id: input.id } });\n}`,
      options,
      errors: [{ messageId: 'missingTenantFilter', line: 5 }],
    },
    // A `let` that may also hold what the client sent, or is assigned anything else, is not a row read.
    {
      code:
        `async function upload(key: string, tenantId: string, body: Invoice) {\n  let existing = await ` +
        `prisma.invoice.findFirst({ where: { key, tenantId } });\n  if (!existing) existing = body;\n  await ` +
        `prisma.invoice.update({ where: { id: existing.id }, data: { paid: true } });\n}`,
      options,
      errors: [{ messageId: 'missingTenantFilter', line: 4 }],
    },
    {
      code:
        `async function upload(key: string, tenantId: string) {\n  let existing;\n  existing = await prisma.invoice.findFirst({ ` +
        `where: { key, tenantId } });\n  existing ??= await lookup(key);\n  await prisma.invoice.update({ where: { id: ` +
        `existing.id }, data: { paid: true } });\n}`,
      options,
      errors: [{ messageId: 'missingTenantFilter', line: 5 }],
    },
    {
      code:
        `class Invoices {\n  async pay(invoiceId: string, user: User) {\n    await this.invoiceOrThrow(invoiceId, ` +
        `user.tenantId);\n    await prisma.invoice.update({ where: { id: invoiceId }, data: { paid: true } });\n  }\n  private ` +
        `async invoiceOrThrow(id: string, tenantId: string) {\n    try {\n      const invoice = await prisma.invoice.findFirst({ ` +
        `where: { id, tenantId } });\n      if (!invoice) throw new NotFoundException();\n    } catch (error) {\n      ` +
        `this.logger.warn(error);\n    }\n  }\n}`,
      options,
      errors: [{ messageId: 'missingTenantFilter', line: 4 }],
    },
    // A public helper may be overridden; a helper whose read may not run, or that does not throw, checks nothing.
    {
      code:
        `class Invoices {\n  async pay(invoiceId: string, user: User) {\n    await this.invoiceOrThrow(invoiceId, ` +
        `user.tenantId);\n    await prisma.invoice.update({ where: { id: invoiceId }, data: { paid: true } });\n  }\n  async ` +
        `invoiceOrThrow(id: string, tenantId: string) {\n    const invoice = await prisma.invoice.findFirst({ where: { id, ` +
        `tenantId } });\n    if (!invoice) throw new NotFoundException();\n    return invoice;\n  }\n}`,
      options,
      errors: [{ messageId: 'missingTenantFilter', line: 4 }],
    },
    {
      code:
        `class Invoices {\n  async pay(invoiceId: string, user: User) {\n    await this.invoiceOrThrow(invoiceId, ` +
        `user.tenantId);\n    await prisma.invoice.update({ where: { id: invoiceId }, data: { paid: true } });\n  }\n  private ` +
        `async invoiceOrThrow(id: string, tenantId: string) {\n    if (tenantId) {\n      const invoice = await ` +
        `prisma.invoice.findFirst({ where: { id, tenantId } });\n      if (!invoice) throw new NotFoundException();\n    }\n    ` +
        `return null;\n  }\n}`,
      options,
      errors: [{ messageId: 'missingTenantFilter', line: 4 }],
    },
    {
      code:
        `class Invoices {\n  async pay(invoiceId: string, user: User) {\n    await this.invoiceOrThrow(invoiceId, ` +
        `user.tenantId);\n    await prisma.invoice.update({ where: { id: invoiceId }, data: { paid: true } });\n  }\n  private ` +
        `async invoiceOrThrow(id: string, tenantId: string) {\n    const invoice = await prisma.invoice.findFirst({ where: { id, ` +
        `tenantId } });\n    return invoice;\n  }\n}`,
      options,
      errors: [{ messageId: 'missingTenantFilter', line: 4 }],
    },
    // A read by id alone whose row is used before its tenant is checked, checked by a call that is not a check, only on some paths, or by another field.
    {
      code:
        `async function run(id: string, user: User) {\n  const invoice = await prisma.invoice.findUnique({ where: { id } });\n  ` +
        `await this.mailer.send(invoice);\n  assertTenantOrThrow(user, invoice.tenantId);\n}`,
      options,
      errors: [{ messageId: 'missingTenantFilter', line: 2 }],
    },
    {
      code:
        `async function run(id: string, user: User) {\n  const invoice = await prisma.invoice.findUnique({ where: { id } });\n  ` +
        `await this.audit.record(user, invoice.tenantId);\n  return invoice;\n}`,
      options,
      errors: [{ messageId: 'missingTenantFilter', line: 2 }],
    },
    {
      code:
        `async function run(id: string, user: User, strict: boolean) {\n  const invoice = await prisma.invoice.findUnique({ ` +
        `where: { id } });\n  if (strict) assertTenant(user, invoice.tenantId);\n  return invoice;\n}`,
      options,
      errors: [{ messageId: 'missingTenantFilter', line: 2 }],
    },
    {
      code:
        `async function run(id: string, user: User) {\n  const invoice = await prisma.invoice.findUnique({ where: { id } });\n  ` +
        `assertOwnerOrThrow(user, invoice.ownerId);\n  return invoice;\n}`,
      options,
      errors: [{ messageId: 'missingTenantFilter', line: 2 }],
    },
    {
      code:
        `async function run(id: string, user: User) {\n  const invoice = await prisma.invoice.findUnique({ where: { id } });\n  ` +
        `const allowed = checkTenant(user, invoice.tenantId);\n  return invoice;\n}`,
      options,
      errors: [{ messageId: 'missingTenantFilter', line: 2 }],
    },
    // A check that does not leave, a missing-row check of an unpinned read, a check after the write, a created row without the tenant.
    {
      code:
        `async function run(id: string, tenantId: string) {\n` +
        `  const invoice = await prisma.invoice.findFirst({ where: { id, tenantId } });\n` +
        `  if (!invoice) this.logger.warn('missing');\n  await prisma.invoice.update({ where: { id }, data: {} });\n}`,
      options,
      errors: [{ messageId: 'missingTenantFilter', line: 4 }],
    },
    {
      code:
        `async function run(id: string, tenantId: string) {\n  const invoice = await prisma.invoice.findUnique({ where: { id } ` +
        `});\n  if (!invoice) throw new NotFoundException();\n  await prisma.invoice.update({ where: { id }, data: {} });\n}`,
      options,
      errors: [
        { messageId: 'missingTenantFilter', line: 2 },
        { messageId: 'missingTenantFilter', line: 4 },
      ],
    },
    {
      code:
        `async function run(id: string, tenantId: string) {\n  const invoice = await prisma.invoice.findFirst({ where: { id, ` +
        `tenantId } });\n  await prisma.invoice.update({ where: { id }, data: {} });\n  if (!invoice) throw new ` +
        `NotFoundException();\n}`,
      options,
      errors: [{ messageId: 'missingTenantFilter', line: 3 }],
    },
    {
      code:
        `async function run(id: string, tenantId: string) {\n  await prisma.invoice.create({ data: { id, number, tenantId: ` +
        `undefined } });\n  await prisma.invoice.update({ where: { id }, data: {} });\n}`,
      options,
      errors: [
        { messageId: 'missingTenantData', line: 2 },
        { messageId: 'missingTenantFilter', line: 3 },
      ],
    },
    // A field the rows hold that is not a key (`title`) names no row of theirs.
    {
      code:
        `const open = await prisma.invoice.findMany({ where: { tenantId } });\nconst titles = open.map((invoice) => ` +
        `invoice.title);\nawait prisma.invoice.updateMany({ where: { title: { in: titles } }, data: { flagged: true } });`,
      options,
      errors: [{ messageId: 'missingTenantFilter' }],
    },
    // \`pk\` of a value the client sent, or without the schema that says it is a key, pins nothing.
    {
      code: `await prisma.share.update({ where: { pk: input.pk }, data: { title } });`,
      options: schemaOptions,
      files,
      errors: [{ messageId: 'missingTenantFilter' }],
    },
    {
      code:
        `const share = await prisma.share.findFirst({ where: { shareId, tenantId: user.tenantId } });\nawait ` +
        `prisma.share.update({ where: { pk: share.pk }, data: { title } });`,
      options: { models: ['Share'] },
      errors: [{ messageId: 'missingTenantFilter' }],
    },
    // Leaks: no where, no tenant in where, or a where that does not pin it.
    { code: `const all = await prisma.invoice.findMany();`, options, errors: [{ messageId: 'missingWhere', line: 1, column: 19, endColumn: 42 }] },
    { code: `await prisma.invoice.findMany({ orderBy: { createdAt: 'desc' }, take: 20 });`, options, errors: [{ messageId: 'missingWhere' }] },
    {
      code: `await prisma.invoice.findUnique({ where: { id } });`,
      options,
      errors: [
        {
          messageId: 'missingTenantFilter',
          column: 42,
          message:
            'prisma.invoice.findUnique() does not constrain tenantId in where: add tenantId from the authenticated context ' +
            "(directly, in AND, or in a compound unique key), or every tenant's rows are reachable.",
        },
      ],
    },
    { code: `await prisma.invoice.findMany({ where: { status: 'open' } });`, options, errors: [{ messageId: 'missingTenantFilter' }] },
    { code: `await prisma.invoice.findMany({ where: { OR: [{ tenantId }, { public: true }] } });`, options, errors: [{ messageId: 'missingTenantFilter' }] },
    { code: `await prisma.invoice.findMany({ where: { NOT: { tenantId } } });`, options, errors: [{ messageId: 'missingTenantFilter' }] },
    { code: `await prisma.invoice.findMany({ where: { tenantId: undefined, status } });`, options, errors: [{ messageId: 'missingTenantFilter' }] },
    { code: `await prisma.invoice.findMany({ where: archived ? { tenantId, archived } : {} });`, options, errors: [{ messageId: 'missingTenantFilter' }] },
    { code: `await prisma.invoice.findMany({ where: { lines: { some: { tenantId } } } });`, options, errors: [{ messageId: 'missingTenantFilter' }] },
    {
      code: `await prisma.invoice.aggregate({ _sum: { amount: true } });\nawait prisma.invoice.count();`,
      options,
      errors: [
        { messageId: 'missingWhere', line: 1 },
        { messageId: 'missingWhere', line: 2 },
      ],
    },
    { code: `await prisma.invoice.groupBy({ by: ['status'], where: { status } });`, options, errors: [{ messageId: 'missingTenantFilter' }] },
    { code: `await this.db.invoice.update({ where: { id }, data: { paid: true } });`, options, errors: [{ messageId: 'missingTenantFilter' }] },
    { code: `await this.prisma.customer.deleteMany({ where: { email: { endsWith: '@old.com' } } });`, options, errors: [{ messageId: 'missingTenantFilter' }] },
    // Writes that do not set the tenant.
    { code: `await prisma.invoice.create({ data: { amount, customerId } });`, options, errors: [{ messageId: 'missingTenantData', column: 37 }] },
    { code: `await prisma.invoice.create({ data: { tenantId: undefined, amount } });`, options, errors: [{ messageId: 'missingTenantData' }] },
    {
      code: `await prisma.invoice.createMany({\n  data: [\n    { tenantId, number: 1 },\n    { number: 2 },\n  ],\n});`,
      options,
      errors: [{ messageId: 'missingTenantData', line: 4, column: 5 }],
    },
    { code: `await prisma.invoice.createMany({ data: rows.map((row) => ({ ...row, amount: 0 })) });`, options, errors: [{ messageId: 'cannotVerify' }] },
    { code: `await prisma.invoice.createMany({ data: rows.map((row) => ({ number: row.number })) });`, options, errors: [{ messageId: 'missingTenantData' }] },
    {
      code: `await prisma.customer.upsert({\n  where: { tenantId_email: { tenantId, email } },\n  create: { email, name },\n  update: { name },\n});`,
      options,
      errors: [{ messageId: 'missingTenantData', line: 3 }],
    },
    {
      code: `await prisma.customer.upsert({\n  where: { email },\n  create: { email },\n  update: {},\n});`,
      options,
      errors: [
        { messageId: 'missingTenantFilter', line: 2 },
        { messageId: 'missingTenantData', line: 3 },
      ],
    },
    // Built elsewhere: reported as unverifiable (at warn level, see below).
    {
      code: `await prisma.invoice.findMany({ where: filters });`,
      options,
      errors: [
        {
          messageId: 'cannotVerify',
          column: 40,
          message:
            'Cannot verify that prisma.invoice.findMany() stays within one tenant: "filters" is built elsewhere; set tenantId ' +
            'explicitly in the call, after any spread ({ ...filters, tenantId }).',
        },
      ],
    },
    { code: `await prisma.invoice.findMany(buildQuery(input));`, options, errors: [{ messageId: 'cannotVerify', column: 31 }] },
    { code: `await prisma.invoice.findMany({ where: { ...filters } });`, options, errors: [{ messageId: 'cannotVerify', column: 45 }] },
    { code: `await prisma.invoice.findMany({ where: { tenantId, ...filters } });`, options, errors: [{ messageId: 'cannotVerify', column: 55 }] },
    { code: `await prisma.invoice.findMany({ where: { AND: [{ status }, ...conditions] } });`, options, errors: [{ messageId: 'cannotVerify' }] },
    { code: `await prisma.invoice.findMany({ ...query });`, options, errors: [{ messageId: 'cannotVerify' }] },
    { code: `await prisma.invoice.create({ data: input });`, options, errors: [{ messageId: 'cannotVerify' }] },
    { code: `await prisma.invoice.createMany({ data: rows });`, options, errors: [{ messageId: 'cannotVerify' }] },
    // The tenant taken from what the client sent.
    {
      code: `app.get('/invoices', async (req, res) => {\n  res.json(await prisma.invoice.findMany({ where: { tenantId: req.query.tenantId } }));\n});`,
      options,
      errors: [{ messageId: 'tenantFromClient', line: 2, column: 63 }],
    },
    {
      code: `await prisma.invoice.create({ data: { tenantId: req.body.tenantId, amount } });`,
      options,
      errors: [
        {
          messageId: 'tenantFromClient',
          message:
            'tenantId comes from client input (req.body.tenantId): take the tenant from the authenticated context (the current user ' +
            'or session), or any caller can pick another tenant.',
        },
      ],
    },
    { code: `await prisma.invoice.findMany({ where: { tenantId: String(request.params.tenantId) } });`, options, errors: [{ messageId: 'tenantFromClient' }] },
    {
      code: `const { tenantId } = req.body;\nawait prisma.invoice.findMany({ where: { tenantId } });`,
      options,
      errors: [{ messageId: 'tenantFromClient', line: 2, column: 42 }],
    },
    {
      code: `const tenantId = ctx.request.query.tenantId ?? user.tenantId;\nawait prisma.invoice.findMany({ where: { tenantId } });`,
      options,
      errors: [{ messageId: 'tenantFromClient' }],
    },
    {
      code: controller(
        `  @Post()\n  create(@Body() dto: CreateInvoiceDto) {\n    return this.prisma.invoice.create({ data: { amount: ` +
          `dto.amount, tenantId: dto.tenantId } });\n  }`,
      ),
      options,
      errors: [
        {
          messageId: 'tenantFromClient',
          line: 7,
          column: 79,
          message:
            'tenantId comes from client input (@Body() dto): take the tenant from the authenticated context (the current user or ' +
            'session), or any caller can pick another tenant.',
        },
      ],
    },
    {
      code: controller(
        `  @Get(':tenantId/invoices')\n  list(@Param('tenantId') tenantId: string) {\n    return this.prisma.invoice.findMany({ where: { tenantId } });\n  }`,
      ),
      options,
      errors: [{ messageId: 'tenantFromClient', line: 7, column: 52 }],
    },
    {
      code: controller(
        `  @Delete()\n  purge(@Query('tenantId') tenant: string, @Query('before') before: Date) {\n    return ` +
          `this.prisma.invoice.deleteMany({ where: { tenantId: tenant, createdAt: { lt: before } } });\n  }`,
      ),
      options,
      errors: [
        {
          messageId: 'tenantFromClient',
          line: 7,
          message:
            "tenantId comes from client input (@Query('tenantId') tenant): take the tenant from the authenticated context (the " +
            'current user or session), or any caller can pick another tenant.',
        },
      ],
    },
    {
      code: controller(
        `  @Get()\n  list(@Query() query: ListQuery) {\n    const { tenantId, status } = query;\n    return ` +
          `this.prisma.invoice.findMany({ where: { tenantId, status } });\n  }`,
      ),
      options,
      errors: [{ messageId: 'tenantFromClient', line: 8 }],
    },
    {
      code: controller(`  @Get()\n  list(@Req() r: Request) {\n    return this.prisma.invoice.findMany({ where: { tenantId: r.body.tenantId } });\n  }`),
      options,
      errors: [
        {
          messageId: 'tenantFromClient',
          line: 7,
          message:
            'tenantId comes from client input (r.body of @Req()): take the tenant from the authenticated context (the current user ' +
            'or session), or any caller can pick another tenant.',
        },
      ],
    },
    {
      code: `await prisma.invoice.findMany({ where: { tenantId: { in: req.body.tenantIds } } });`,
      options,
      errors: [{ messageId: 'tenantFromClient', column: 52 }],
    },
    {
      code: `await prisma.invoice.findFirst({ where: { id_tenantId: { id, tenantId: req.params.tenantId } } });`,
      options,
      errors: [{ messageId: 'tenantFromClient', column: 72 }],
    },
    // Also on a model the configuration does not name: the where is there, its tenant is not trusted.
    { code: `await prisma.auditLog.findMany({ where: { tenantId: req.query.tenantId } });`, options, errors: [{ messageId: 'tenantFromClient' }] },
    // Transactions.
    {
      code: `await prisma.$transaction([\n  prisma.invoice.findMany({ where: { tenantId } }),\n  prisma.invoice.deleteMany(),\n]);`,
      options,
      errors: [{ messageId: 'missingWhere', line: 3, column: 3 }],
    },
    {
      code: `await prisma.$transaction(async (trx) => {\n  await trx.invoice.deleteMany({ where: { status: 'void' } });\n});`,
      options,
      errors: [{ messageId: 'missingTenantFilter', line: 2 }],
    },
    {
      code: `async function purge(client: Prisma.TransactionClient) {\n  await client.invoice.deleteMany({});\n}`,
      options,
      errors: [{ messageId: 'missingWhere', line: 2 }],
    },
    {
      code: `class Jobs {\n  constructor(private readonly database: PrismaService) {}\n  run() {\n    return this.database.invoice.findMany();\n  }\n}`,
      options,
      errors: [{ messageId: 'missingWhere', line: 4 }],
    },
    // Multi-line and optional chaining.
    {
      code: `const invoices = await this.prisma.invoice\n  .findMany({\n    where: {\n      status: 'open',\n    },\n  });`,
      options,
      errors: [{ messageId: 'missingTenantFilter', line: 3, column: 12 }],
    },
    {
      code: `await prisma?.invoice?.findMany?.();\nawait prisma['invoice'].count();`,
      options,
      errors: [
        { messageId: 'missingWhere', line: 1 },
        { messageId: 'missingWhere', line: 2 },
      ],
    },
    // Options: the schema, other clients, another tenant field.
    {
      code: `await prisma.invoice.count();\nawait prisma.customerNote.findMany({ where: { text } });`,
      options: schemaOptions,
      files,
      errors: [
        { messageId: 'missingWhere', line: 1 },
        { messageId: 'missingTenantFilter', line: 2 },
      ],
    },
    {
      code: `await prisma.invoice.create({ data: { tenant: { connect: { id } } } });`,
      options: schemaOptions,
      files,
      errors: [{ messageId: 'missingTenantData' }],
    },
    {
      code: `await prisma.invoice.findMany();\nawait prisma.customer.findMany();`,
      options: { ...schemaOptions, models: ['Customer'] },
      errors: [
        {
          messageId: 'schemaUnreadable',
          line: 1,
          message:
            'Cannot take the tenant-scoped models from schemaPath "prisma/schema.prisma": the file does not exist or cannot be ' +
            'read; only the models option is checked in this file.',
        },
        { messageId: 'missingWhere', line: 2 },
      ],
    },
    {
      code: `await prisma.invoice.findMany();`,
      options: { ...schemaOptions, tenantField: 'organizationId' },
      files,
      errors: [
        {
          messageId: 'schemaUnreadable',
          message:
            'Cannot take the tenant-scoped models from schemaPath "prisma/schema.prisma": no model in it has the field ' +
            'organizationId; only the models option is checked in this file.',
        },
      ],
    },
    {
      code: `await orm.invoice.findMany();\nawait prisma.invoice.findMany();`,
      options: { ...options, clients: ['orm'] },
      errors: [
        { messageId: 'missingWhere', line: 1 },
        { messageId: 'missingWhere', line: 2 },
      ],
    },
    // Wrappers are checked like clients.
    {
      code: `class Posts {\n  remove(id: string) {\n    return this._invoices.model.invoice.delete({ where: { id } });\n  }\n}`,
      options,
      errors: [
        {
          messageId: 'missingTenantFilter',
          line: 3,
          message:
            'this._invoices.model.invoice.delete() does not constrain tenantId in where: add tenantId from the authenticated ' +
            "context (directly, in AND, or in a compound unique key), or every tenant's rows are reachable.",
        },
      ],
    },
    { code: `const where = { status };\nawait prisma.invoice.findMany({ where });`, options, errors: [{ messageId: 'missingTenantFilter', line: 2 }] },
    // A const changed through a property, or a let, may hold anything by the time of the call.
    {
      code: `const where = { status };\nif (user) where.tenantId = user.tenantId;\nawait prisma.invoice.findMany({ where });`,
      options,
      errors: [{ messageId: 'cannotVerify', line: 3 }],
    },
    { code: `let where = { tenantId };\nwhere = {};\nawait prisma.invoice.findMany({ where });`, options, errors: [{ messageId: 'cannotVerify', line: 3 }] },
    // An id that did not come from a Prisma read of this function.
    {
      code: `const invoice = await this.load(id);\nawait prisma.invoice.update({ where: { id: invoice.id }, data: { paid: true } });`,
      options,
      errors: [{ messageId: 'missingTenantFilter', line: 2 }],
    },
    {
      code:
        `async function pay(invoices: Invoice[]) {\n  await Promise.all(invoices.map((invoice) => prisma.invoice.update({ ` +
        `where: { id: invoice.id }, data: { paid: true } })));\n}`,
      options,
      errors: [{ messageId: 'missingTenantFilter', line: 2 }],
    },
    {
      code: `await prisma.invoice.updateMany({ where: { id: { in: input.ids.map((id) => id) } }, data: { paid: true } });`,
      options,
      errors: [{ messageId: 'missingTenantFilter' }],
    },
    {
      code: `const [first] = input.invoices;\nawait prisma.invoice.update({ where: { id: first.id }, data: { paid: true } });`,
      options,
      errors: [{ messageId: 'missingTenantFilter' }],
    },
    {
      code:
        `const open = await prisma.invoice.findMany({ where: { tenantId } });\nconst ids = open.map((invoice) => invoice.id);\n` +
        `ids.push(input.id);\nawait prisma.invoice.updateMany({ where: { id: { in: ids } }, data: { flagged: true } });`,
      options,
      errors: [{ messageId: 'missingTenantFilter', line: 4 }],
    },
    {
      code:
        `const open = await prisma.invoice.findMany({ where: { tenantId } });\nawait prisma.invoice.updateMany({ where: { id: { ` +
        `notIn: open.map((invoice) => invoice.id) } }, data: { flagged: true } });`,
      options,
      errors: [{ messageId: 'missingTenantFilter', line: 2 }],
    },
    // A value of a row read that is not a reference; a reference the client sent; a list that also gets the client's rows.
    {
      code:
        `const invoice = await prisma.invoice.findFirst({ where: { id, tenantId } });\nawait prisma.invoice.updateMany({ ` +
        `where: { number: invoice.number }, data: { flagged: true } });`,
      options,
      errors: [{ messageId: 'missingTenantFilter', line: 2 }],
    },
    { code: `await prisma.customer.findUnique({ where: { id: dto.customerId } });`, options, errors: [{ messageId: 'missingTenantFilter' }] },
    {
      code:
        `const rows = [];\nrows.push(await prisma.invoice.create({ data: { tenantId, amount } }));\nrows.push(input.invoice);\n` +
        `await prisma.invoice.delete({ where: { id: rows[1].id } });`,
      options,
      errors: [{ messageId: 'missingTenantFilter', line: 4 }],
    },
    // A map callback that may return two things: which row is created cannot be told.
    {
      code: `await prisma.invoice.createMany({ data: rows.map((row) => {\n  if (row.imported) return row;\n  return { ...row, tenantId };\n}) });`,
      options,
      errors: [{ messageId: 'cannotVerify' }],
    },
    // The earlier read may not have run, may not throw, is of another model, or the id changed since.
    {
      code:
        `async function pay(id: string, tenantId: string, check: boolean) {\n  if (check) await ` +
        `prisma.invoice.findFirstOrThrow({ where: { id, tenantId } });\n  await prisma.invoice.update({ where: { id }, data: { ` +
        `paid: true } });\n}`,
      options,
      errors: [{ messageId: 'missingTenantFilter', line: 3 }],
    },
    {
      code:
        `async function pay(id: string, tenantId: string) {\n  await prisma.invoice.findFirstOrThrow({ where: { id, tenantId } ` +
        `}).catch(() => null);\n  await prisma.invoice.update({ where: { id }, data: { paid: true } });\n}`,
      options,
      errors: [{ messageId: 'missingTenantFilter', line: 3 }],
    },
    {
      code:
        `async function pay(id: string, tenantId: string) {\n  await prisma.invoice.findFirst({ where: { id, tenantId } });\n  ` +
        `await prisma.invoice.update({ where: { id }, data: { paid: true } });\n}`,
      options,
      errors: [{ messageId: 'missingTenantFilter', line: 3 }],
    },
    {
      code:
        `async function pay(id: string, tenantId: string) {\n  await prisma.customer.findFirstOrThrow({ where: { id, tenantId } ` +
        `});\n  await prisma.invoice.update({ where: { id }, data: { paid: true } });\n}`,
      options,
      errors: [{ messageId: 'missingTenantFilter', line: 3 }],
    },
    {
      code:
        `async function pay(id: string, tenantId: string) {\n  await prisma.invoice.findFirstOrThrow({ where: { id, tenantId } ` +
        `});\n  id = input.other;\n  await prisma.invoice.update({ where: { id }, data: { paid: true } });\n}`,
      options,
      errors: [{ messageId: 'missingTenantFilter', line: 4 }],
    },
    // Helpers that do not pin the tenant, that may be overridden (not private), or that return more than one thing.
    {
      code: `const whereFor = (status: string) => ({ status });\nawait prisma.invoice.findMany({ where: whereFor('open') });`,
      options,
      errors: [{ messageId: 'missingTenantFilter', line: 2 }],
    },
    {
      code:
        `class Invoices {\n  list() {\n    return this.prisma.invoice.findMany({ where: this.whereFor() });\n  }\n  ` +
        `whereFor() {\n    return { tenantId: this.tenantId };\n  }\n}`,
      options,
      errors: [{ messageId: 'cannotVerify', line: 3 }],
    },
    {
      code:
        `class Invoices {\n  list(all: boolean) {\n    return this.prisma.invoice.findMany({ where: this.whereFor(all) });\n  ` +
        `}\n  private whereFor(all: boolean) {\n    if (all) return {};\n    return { tenantId: this.tenantId };\n  }\n}`,
      options,
      errors: [{ messageId: 'cannotVerify', line: 3 }],
    },
    // `this` in an object literal's method is that object, not the class.
    {
      code:
        `class Invoices {\n  list() {\n    const api = { run() {\n      return prisma.invoice.findMany({ where: this.whereFor() ` +
        `});\n    }, whereFor: () => ({}) };\n    return api.run();\n  }\n  private whereFor() {\n    return { tenantId: ` +
        `this.tenantId };\n  }\n}`,
      options,
      errors: [{ messageId: 'cannotVerify', line: 4 }],
    },
    // A connect by a key without the tenant; with the schema, only its relations built on the tenant field set it.
    {
      code: `await prisma.invoice.create({ data: { customer: { connect: { id: customerId } }, amount } });`,
      options,
      errors: [{ messageId: 'missingTenantData' }],
    },
    {
      code: `await prisma.invoice.create({ data: { customer: { connect: { id_tenantId: { id: customerId, tenantId } } }, number } });`,
      options: schemaOptions,
      files,
      errors: [{ messageId: 'missingTenantData' }],
    },
    // ...unless the client sent it (a decorated parameter), or the type is not the client's.
    {
      code:
        `import { Invoice } from '@prisma/client';\nclass C {\n  pay(@Body() invoice: Invoice) {\n    return ` +
        `prisma.invoice.update({ where: { id: invoice.id }, data: { paid: true } });\n  }\n}`,
      options,
      errors: [{ messageId: 'missingTenantFilter', line: 4 }],
    },
    {
      code:
        `import { Invoice } from './invoice.dto';\nasync function archive(invoice: Invoice) {\n  await prisma.invoice.update({ ` +
        `where: { id: invoice.id }, data: { archived: true } });\n}`,
      options,
      errors: [{ messageId: 'missingTenantFilter', line: 3 }],
    },
    // A relation filter without the tenant, or through a to-many relation.
    { code: `await prisma.invoice.findMany({ where: { customer: { email } } });`, options, errors: [{ messageId: 'missingTenantFilter' }] },
    {
      code: `await prisma.membership.findMany({ where: { role: 'owner' } });`,
      options: { ...options, models: ['Membership'], membershipModels: ['Membership.userId'] },
      errors: [{ messageId: 'missingTenantFilter' }],
    },
    // A model chosen at run time, on a known client.
    {
      code: `await prisma[model].findMany({ where: { id } });`,
      options,
      errors: [
        {
          messageId: 'dynamicModel',
          message:
            'Cannot verify that prisma[model].findMany() stays within one tenant: the model is chosen at run time ("model"), so the ' +
            'rule cannot tell whether it is tenant-scoped.',
        },
      ],
    },
    {
      code: `await prisma.project.findMany({ where: { tenantId } });`,
      options: { models: ['Project'], tenantField: 'organizationId' },
      errors: [{ messageId: 'missingTenantFilter' }],
    },
  ],
});

describe('security/tenant-isolation severities', () => {
  const severities = (code: string, extra: Partial<TenantIsolationOptions> = options, withFiles?: Record<string, string>) =>
    lintWithRule(rule, { code, options: extra, files: withFiles }).map((violation) => [violation.message.split(':')[0], violation.severity]);

  it('should report leaks and client-chosen tenants as errors when the rule is on', () => {
    expect(severities(`await prisma.invoice.findMany();\nawait prisma.invoice.create({ data: { tenantId: req.body.tenantId } });`)).toEqual([
      ['prisma.invoice.findMany() has no where clause', 'error'],
      ['tenantId comes from client input (req.body.tenantId)', 'error'],
    ]);
  });

  it('should lower what it cannot verify to a warning', () => {
    expect(severities(`await prisma.invoice.findMany({ where: filters });`)).toEqual([
      ['Cannot verify that prisma.invoice.findMany() stays within one tenant', 'warn'],
    ]);
  });

  it('should report an unreadable schema once per file, as a warning', () => {
    expect(severities(`await prisma.invoice.findMany();\nawait prisma.invoice.count();`, schemaOptions)).toEqual([
      ['Cannot take the tenant-scoped models from schemaPath "prisma/schema.prisma"', 'warn'],
    ]);
  });

  it('should count the calls it examined and those it could not verify', () => {
    const result = lintSource({
      file: 'src/file.ts',
      text:
        `await prisma.invoice.findMany({ where: { tenantId } });\nawait repo.model.invoice.count({ where: filters });\nawait ` +
        `prisma[name].findMany();\nawait prisma.country.findMany();`,
      rules: [{ rule: rule, severity: 'error', options: { ...rule.meta.defaultOptions, ...options } }],
      isTestFile: false,
    });
    expect(result.coverage).toEqual({ 'security/tenant-isolation': [3, 2] });
  });

  it('should depend on the schema only in files that call Prisma', () => {
    const lint = (code: string) =>
      lintSource({
        file: 'src/file.ts',
        text: code,
        rules: [{ rule: rule, severity: 'error', options: { ...rule.meta.defaultOptions, ...schemaOptions } }],
        isTestFile: false,
        readFile: (path) => (path === 'prisma/schema.prisma' ? schema : undefined),
      });
    expect(lint(`map.delete(key);`).dependencies).toBeUndefined();
    expect(Object.keys(lint(`await prisma.invoice.count();`).dependencies ?? {})).toEqual(['prisma/schema.prisma']);
  });
});
