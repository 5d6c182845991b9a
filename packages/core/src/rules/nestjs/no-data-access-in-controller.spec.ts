import { RuleTester } from '../../testing/rule-tester';
import rule from './no-data-access-in-controller';

const nest = `import { Controller, Get, Injectable, Param } from '@nestjs/common';\n`;

/** A controller whose constructor injects `injected` and whose handler body is `body`. */
const controller = (injected: string, body: string, imports = nest) =>
  `${imports}@Controller('users')\nexport class UsersController {\n  constructor(${injected}) {}\n\n  @Get()\n  async list() {\n    ${body}\n  }\n}\n`;

new RuleTester().run(rule, {
  valid: [
    // A Nest helper that happens to be called `db`: the terminus health indicator pings, it does not query.
    controller(
      'private readonly db: PrismaHealthIndicator, private readonly prisma: PrismaService',
      "return this.db.pingCheck('database', this.prisma);",
      `${nest}import { PrismaHealthIndicator } from '@nestjs/terminus';\n`,
    ),
    controller('private readonly users: UsersService', 'return this.users.findAll();'),
    controller('private readonly userService: UsersService', 'return this.userService.find({ where: { active: true } });'),
    controller('private readonly reportService: ReportService', 'return this.reportService.build();'),
    // Passing the client along is not a query.
    controller('private readonly prisma: PrismaService', 'return this.exporter.export(this.prisma);'),
    controller('private readonly prisma: PrismaService', 'return this.prisma === undefined;'),
    // A local variable or a parameter named like a client is not the controller's client.
    controller('private readonly users: UsersService', 'const prisma = this.users.client();\n    return prisma.user.findMany();'),
    // Services are where data access belongs.
    `${nest}@Injectable()\nexport class UsersService {\n  constructor(private readonly prisma: PrismaService) {}\n  ` +
      `findAll() {\n    return this.prisma.user.findMany();\n  }\n}\n`,
    // A plain function inside the handler has its own this.
    controller('private readonly users: UsersService', 'return items.map(function () { return this.prisma.user.findMany(); });'),
    { code: controller('private readonly prisma: PrismaService', 'return this.prisma.user.findMany();'), options: { clientNames: [] } },
    { code: controller('private readonly userRepository: Repository<User>', 'return this.userRepository.find();'), options: { repositoryPattern: '' } },
    { code: controller('private readonly prisma: PrismaService', 'return this.prisma.user.findMany();'), isTestFile: true },
    // Not a Nest controller: the file does not import @nestjs/common.
    controller(
      'private readonly prisma: PrismaService',
      'return this.prisma.user.findMany();',
      `// see @nestjs/common\nimport { Controller, Get } from 'routing-controllers';\n`,
    ),
  ],
  invalid: [
    // The same name typed with the app's own client is data access.
    {
      code: controller('private readonly db: DbClient', 'return this.db.select();', `${nest}import { DbClient } from '../db/client';\n`),
      errors: [{ messageId: 'dataAccess' }],
    },
    {
      code: controller('private readonly prisma: PrismaService', 'return this.prisma.user.findMany();'),
      errors: [
        {
          messageId: 'dataAccess',
          line: 8,
          column: 12,
          endColumn: 37,
          message:
            'Controller "UsersController" queries the database directly through this.prisma: move the data access into an injected ' +
            'service and call that from the handler.',
        },
      ],
    },
    {
      code: controller('private readonly prismaService: PrismaService', 'return this.prismaService.$queryRaw`SELECT 1`;'),
      errors: [{ messageId: 'dataAccess' }],
    },
    {
      code: controller('@InjectRepository(User) private readonly userRepository: Repository<User>', 'return this.userRepository.find();'),
      errors: [{ messageId: 'dataAccess' }],
    },
    {
      code: controller('@InjectRepository(User) private readonly repo: Repository<User>', 'return this.repo.findOneBy({ id: 1 });'),
      errors: [{ messageId: 'dataAccess' }],
    },
    { code: controller('private readonly usersRepo: UsersRepo', 'return this.usersRepo.all();'), errors: [{ messageId: 'dataAccess' }] },
    {
      code: controller('private readonly dataSource: DataSource', 'return this.dataSource.query(`SELECT * FROM users`);'),
      errors: [{ messageId: 'dataAccess' }],
    },
    { code: controller('private readonly entityManager: EntityManager', 'return this.entityManager.find(User, {});'), errors: [{ messageId: 'dataAccess' }] },
    { code: controller('private readonly em: EntityManager', 'return this.em.fork().find(User, {});'), errors: [{ messageId: 'dataAccess' }] },
    {
      code: controller('private readonly db: Database', 'return this.db\n      .select()\n      .from(users)\n      .where(eq(users.active, true));'),
      errors: [{ messageId: 'dataAccess', line: 8, column: 12, endLine: 9, endColumn: 14 }],
    },
    { code: controller('private readonly prisma: PrismaService', "return this.prisma['user'].findMany();"), errors: [{ messageId: 'dataAccess' }] },
    { code: controller('private readonly prisma: PrismaService', 'return this.prisma!.user.count();'), errors: [{ messageId: 'dataAccess' }] },
    // Inside an arrow callback `this` is still the controller.
    {
      code: controller('private readonly prisma: PrismaService', 'return ids.map((id) => this.prisma.user.findUnique({ where: { id } }));'),
      errors: [{ messageId: 'dataAccess' }],
    },
    {
      code: controller(
        'private readonly users: UsersService, private readonly prisma: PrismaService',
        'const all = await this.users.findAll();\n    await this.prisma.auditLog.create({ data: { action: "list" } });\n    return all;',
      ),
      errors: [{ messageId: 'dataAccess', line: 9 }],
    },
    {
      code: controller('private readonly knex: Knex', 'return this.knex.select("*").from("users");'),
      options: { clientNames: ['knex'] },
      errors: [{ messageId: 'dataAccess' }],
    },
    {
      code:
        `import { Controller as Api, Get } from '@nestjs/common';\n@Api('users')\nexport class UsersController {\n  #prisma: ` +
        `PrismaService;\n  @Get() list() { return this.#prisma.user.findMany(); }\n}\n`,
      errors: [
        {
          messageId: 'dataAccess',
          message:
            'Controller "UsersController" queries the database directly through this.prisma: move the data access into an injected ' +
            'service and call that from the handler.',
        },
      ],
    },
    {
      code:
        `import * as nest from '@nestjs/common';\n@nest.Controller('users')\nexport class UsersController {\n  ` +
        `constructor(private readonly prisma: PrismaService) {}\n  handler = () => this.prisma.user.deleteMany();\n}\n`,
      errors: [{ messageId: 'dataAccess', line: 5 }],
    },
  ],
});
