import { RuleTester } from '../../testing/rule-tester';
import rule from './mutation-requires-guard';

const nest = `import { Controller, Delete, Get, Patch, Post, Put, UseGuards } from '@nestjs/common';\nimport { JwtAuthGuard } from '../auth/jwt-auth.guard';\n`;

const controllerFile = 'apps/api/src/users/users.controller.ts';
const usersController = `${nest}@Controller('users')\nexport class UsersController {\n  @Post() create() {}\n  @Delete(':id/avatar') removeAvatar() {}\n}`;
const main =
  `import { NestFactory } from '@nestjs/core';\nimport { AppModule } from './app.module';\nasync function bootstrap() {\n ` +
  ` const app = await NestFactory.create(AppModule);\n  await app.listen(3000);\n}\nbootstrap();\n`;
/** An application: main.ts, a root module with \`root\` in its metadata, and an api module (imported by a tsconfig alias) configuring middleware. */
const app = (root: string, configure = '', extra: Record<string, string> = {}) => ({
  'apps/api/src/main.ts': main,
  'apps/api/src/app.module.ts':
    `import { Module } from '@nestjs/common';\nimport { APP_GUARD } from '@nestjs/core';\nimport { ApiModule } from ` +
    `'@acme/api/api.module';\n@Module({ imports: [ApiModule], ${root} })\nexport class AppModule {}\n`,
  'apps/api/src/api.module.ts':
    `import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';\nimport { UsersController } from ` +
    `'./users/users.controller';\nimport { AuthMiddleware } from './auth/auth.middleware';\nconst authenticated = ` +
    `[UsersController];\n@Module({ controllers: [UsersController] })\nexport class ApiModule implements NestModule {\n  ` +
    `configure(consumer: MiddlewareConsumer) {\n    ${configure}\n  }\n}\n`,
  'tsconfig.base.json': `{ "compilerOptions": { "paths": { "@acme/api/*": ["apps/api/src/*"] } } }`,
  ...extra,
});

new RuleTester().run(rule, {
  valid: [
    // A composed decorator declared in the workspace that applies guards.
    {
      code:
        `${nest}import { RequiresScope } from '../decorators/requires-scope.decorator';\n@Controller('users')\nexport class ` +
        `UsersController {\n  @RequiresScope('write')\n  @Post() create() {}\n}`,
      filename: controllerFile,
      files: {
        'apps/api/src/decorators/requires-scope.decorator.ts':
          `import { applyDecorators, SetMetadata, UseGuards } from '@nestjs/common';\nexport function ` +
          `RequiresScope(...scopes: string[]) {\n  return applyDecorators(SetMetadata('scopes', scopes), ` +
          `UseGuards(AuthGuard('jwt'), ScopeGuard));\n}\n`,
      },
    },
    // A global authenticating guard protects every route.
    { code: usersController, filename: controllerFile, files: app(`providers: [{ provide: APP_GUARD, useClass: JwtAuthGuard }]`) },
    {
      code: usersController,
      filename: controllerFile,
      files: { ...app(''), 'apps/api/src/main.ts': main.replace('await app.listen', 'app.useGlobalGuards(new SessionGuard());\n  await app.listen') },
    },
    // Bootstrapped from bootstrap.ts (index.ts calls it); the module's metadata in a const of its file.
    {
      code: usersController,
      filename: controllerFile,
      files: {
        'apps/api/src/bootstrap.ts': main,
        'apps/api/src/index.ts': `import { bootstrap } from './bootstrap';\nvoid bootstrap();\n`,
        'apps/api/src/app.module.ts':
          `import { Module } from '@nestjs/common';\nimport { GlobalModule } from './global.module';\n@Module({ imports: ` +
          `[GlobalModule] })\nexport class AppModule {}\n`,
        'apps/api/src/global.module.ts':
          `import { Global, Module } from '@nestjs/common';\nimport { APP_GUARD } from '@nestjs/core';\nconst providers = [{ ` +
          `provide: APP_GUARD, useClass: AuthGuard }];\nconst globalModules = { imports: [], providers } as const;\n@Global()\n` +
          `@Module(globalModules)\nexport class GlobalModule {}\n`,
      },
    },
    // Authenticating middleware over the controller: by class, through a local list, by path, everywhere.
    { code: usersController, filename: controllerFile, files: app('', 'consumer.apply(AuthMiddleware).forRoutes(UsersController);') },
    {
      code: usersController,
      filename: controllerFile,
      files: app('', "consumer.apply(LoggerMiddleware, AuthMiddleware).exclude({ path: 'health', method: RequestMethod.GET }).forRoutes(...authenticated);"),
    },
    {
      code: usersController,
      filename: controllerFile,
      files: app('', "consumer.apply(AuthMiddleware).forRoutes({ path: 'users', method: RequestMethod.ALL }, 'users/*');"),
    },
    { code: usersController, filename: controllerFile, files: app('', "consumer.apply(AuthMiddleware).forRoutes('*');") },
    `${nest}@Controller('users')\nexport class UsersController {\n  @UseGuards(JwtAuthGuard)\n  @Post()\n  create() {}\n}`,
    // The guard on the class applies to every handler.
    `${nest}@UseGuards(JwtAuthGuard)\n@Controller('users')\nexport class UsersController {\n  @Post() create() {}\n  ` +
      `@Put(':id') replace() {}\n  @Patch(':id') update() {}\n  @Delete(':id') remove() {}\n}`,
    // Inherited from a guarded base class declared in the same file.
    `${nest}@UseGuards(JwtAuthGuard)\nabstract class GuardedController {}\n@Controller('users')\nexport class ` +
      `UsersController extends GuardedController {\n  @Post() create() {}\n}`,
    `${nest}@Controller('users')\nexport class UsersController {\n  @Get() list() {}\n  @Get(':id') find() {}\n}`,
    `${nest}import { Public } from '../auth/public.decorator';\n@Controller('auth')\nexport class AuthController {\n  ` +
      `@Public()\n  @Post('login')\n  login() {}\n}`,
    `${nest}import { Public } from '../auth/public.decorator';\n@Public()\n@Controller('health')\nexport class ` +
      `HealthController {\n  @Post('ping') ping() {}\n}`,
    {
      code:
        `${nest}import { Auth } from '../auth/auth.decorator';\n@Controller('users')\nexport class UsersController {\n  ` +
        `@Auth('admin')\n  @Delete(':id')\n  remove() {}\n}`,
      options: { guardDecorators: ['UseGuards', 'Auth'] },
    },
    {
      code: `${nest}import { AllowAnonymous } from '../auth';\n@Controller('users')\nexport class UsersController {\n  @AllowAnonymous @Post() create() {}\n}`,
      options: { publicDecorators: ['AllowAnonymous'] },
    },
    `import { Controller as C, Post as P, UseGuards as G } from '@nestjs/common';\n@C('users')\nexport class ` +
      `UsersController {\n  @G(JwtAuthGuard)\n  @P()\n  create() {}\n}`,
    `import * as nest from '@nestjs/common';\n@nest.UseGuards(JwtAuthGuard)\n@nest.Controller('users')\nexport class ` +
      `UsersController {\n  @nest.Post() create() {}\n}`,
    // A base class without @Controller: its subclasses decide (and are checked).
    `${nest}export abstract class CrudController {\n  @Post() create() {}\n}`,
    // Not Nest's decorators.
    `// compatible with @nestjs/common\nimport { Controller, Post } from 'routing-controllers';\n@Controller('users')\n` +
      `export class UsersController {\n  @Post() create() {}\n}`,
    `import { Controller } from '@nestjs/common';\nimport { Post } from './http';\n@Controller('users')\nexport class ` +
      `UsersController {\n  @Post() create() {}\n}`,
    { code: `${nest}@Controller('users')\nexport class UsersController {\n  @Post() create() {}\n}`, isTestFile: true },
  ],
  invalid: [
    // Global guards and middleware that do not authenticate (throttling, role checks, logging) protect nothing.
    {
      code: usersController,
      filename: controllerFile,
      files: app(
        `providers: [{ provide: APP_GUARD, useClass: ThrottlerGuard }, { provide: APP_GUARD, useClass: PoliciesGuard }]`,
        "consumer.apply(LoggerMiddleware).forRoutes('*');",
      ),
      errors: [
        { messageId: 'missingGuard', line: 5 },
        { messageId: 'missingGuard', line: 6 },
      ],
    },
    // The middleware covers other controllers, excludes this route, or another path.
    {
      code: usersController,
      filename: controllerFile,
      files: app('', 'consumer.apply(AuthMiddleware).forRoutes(PostsController);'),
      errors: [{ messageId: 'missingGuard' }, { messageId: 'missingGuard' }],
    },
    {
      code: usersController,
      filename: controllerFile,
      files: app('', "consumer.apply(AuthMiddleware).exclude({ path: 'users/:id/avatar', method: RequestMethod.DELETE }).forRoutes('*');"),
      errors: [{ messageId: 'missingGuard', line: 6 }],
    },
    {
      code: usersController,
      filename: controllerFile,
      files: app('', "consumer.apply(AuthMiddleware).forRoutes('users/:id/avatar');"),
      errors: [{ messageId: 'missingGuard', line: 5 }],
    },
    // An application in another folder, or none: nothing covers the controller.
    // An entry file without NestFactory is not an application's entry; a const that is not the metadata says nothing.
    {
      code: usersController,
      filename: controllerFile,
      files: {
        'apps/api/src/index.ts': `export * from './users/users.controller';\n`,
        'apps/api/src/bootstrap.ts': main,
        'apps/api/src/app.module.ts':
          `import { Module } from '@nestjs/common';\nconst unused = { providers: [{ provide: APP_GUARD, useClass: AuthGuard }] ` +
          `};\nconst metadata = { imports: [] };\n@Module(metadata)\nexport class AppModule {}\n`,
      },
      errors: [{ messageId: 'missingGuard' }, { messageId: 'missingGuard' }],
    },
    {
      code: usersController,
      filename: controllerFile,
      files: {
        'apps/admin/src/main.ts': main,
        'apps/admin/src/app.module.ts': `@Module({ providers: [{ provide: APP_GUARD, useClass: AuthGuard }] }) export class AppModule {}`,
      },
      errors: [{ messageId: 'missingGuard' }, { messageId: 'missingGuard' }],
    },
    // Routes the rule cannot read: said as a warning, not passed and not an error.
    {
      code: usersController,
      filename: controllerFile,
      files: app('', 'consumer.apply(AuthMiddleware).forRoutes(...routesOf(Api));'),
      errors: [
        {
          messageId: 'cannotVerify',
          line: 5,
          message:
            'POST handler "create" has no guard of its own, and whether AuthMiddleware (applied in apps/api/src/api.module.ts) ' +
            'covers it cannot be verified: its routes are given as ...routesOf(Api).',
        },
        { messageId: 'cannotVerify', line: 6 },
      ],
    },
    // A composed decorator that applies no guard.
    {
      code:
        `${nest}import { Audited } from '../decorators/audited';\n@Controller('users')\nexport class UsersController {\n  ` +
        `@Audited()\n  @Post() create() {}\n}`,
      filename: controllerFile,
      files: { 'apps/api/src/decorators/audited.ts': `export const Audited = () => applyDecorators(SetMetadata('audit', true), UseGuards());\n` },
      errors: [{ messageId: 'missingGuard' }],
    },
    // The name pattern is the user's to set.
    {
      code: usersController,
      filename: controllerFile,
      options: { authenticators: 'Gatekeeper' },
      files: app(`providers: [{ provide: APP_GUARD, useClass: JwtAuthGuard }]`),
      errors: [{ messageId: 'missingGuard' }, { messageId: 'missingGuard' }],
    },
    {
      code: `${nest}@Controller('users')\nexport class UsersController {\n  @Post()\n  create() {}\n}`,
      errors: [
        {
          messageId: 'missingGuard',
          line: 6,
          column: 3,
          message: 'POST handler "create" has no guard: add @UseGuards(...) to the method or its controller, or mark it @Public() if it is meant to be open.',
        },
      ],
    },
    {
      code:
        `${nest}@Controller('users')\nexport class UsersController {\n  @Get() list() {}\n  @Put(':id') replace() {}\n  ` +
        `@Patch(':id') update() {}\n  @Delete(':id') remove() {}\n}`,
      errors: [
        {
          messageId: 'missingGuard',
          line: 6,
          message: 'PUT handler "replace" has no guard: add @UseGuards(...) to the method or its controller, or mark it @Public() if it is meant to be open.',
        },
        { messageId: 'missingGuard', line: 7 },
        {
          messageId: 'missingGuard',
          line: 8,
          message: 'DELETE handler "remove" has no guard: add @UseGuards(...) to the method or its controller, or mark it @Public() if it is meant to be open.',
        },
      ],
    },
    // A guard on a sibling handler does not cover this one.
    {
      code:
        `${nest}@Controller('users')\nexport class UsersController {\n  @UseGuards(JwtAuthGuard)\n  @Post()\n  create() {}\n\n  ` +
        `@Post('import')\n  importMany() {}\n}`,
      errors: [{ messageId: 'missingGuard', line: 10 }],
    },
    { code: `${nest}@UseGuards()\n@Controller('users')\nexport class UsersController {\n  @Post() create() {}\n}`, errors: [{ messageId: 'missingGuard' }] },
    {
      code:
        `${nest}import { Auth } from '../auth/auth.decorator';\n@Controller('users')\nexport class UsersController {\n  ` +
        `@Auth('admin')\n  @Delete(':id')\n  remove() {}\n}`,
      errors: [{ messageId: 'missingGuard' }],
    },
    {
      code: `${nest}import { Auth } from '../auth/auth.decorator';\n@Controller('users')\nexport class UsersController {\n  @Post()\n  create() {}\n}`,
      options: { guardDecorators: ['Auth'], publicDecorators: ['Anonymous'] },
      errors: [
        {
          messageId: 'missingGuard',
          message: 'POST handler "create" has no guard: add @Auth(...) to the method or its controller, or mark it @Anonymous() if it is meant to be open.',
        },
      ],
    },
    {
      code: `import { Controller as C, Post as Create } from '@nestjs/common';\n@C('users')\nexport class UsersController {\n  @Create()\n  create() {}\n}`,
      errors: [{ messageId: 'missingGuard', line: 5 }],
    },
    {
      code: `import * as nest from '@nestjs/common';\n@nest.Controller('users')\nexport class UsersController {\n  @nest.Patch(':id') update() {}\n}`,
      errors: [{ messageId: 'missingGuard' }],
    },
    // The base class is not guarded either.
    {
      code: `${nest}abstract class BaseController {}\n@Controller('users')\nexport class UsersController extends BaseController {\n  @Post() create() {}\n}`,
      errors: [{ messageId: 'missingGuard' }],
    },
    {
      code:
        `${nest}@Controller({\n  path: 'users',\n  version: '1',\n})\nexport class UsersController {\n  @Post(\n    'bulk',\n  ` +
        `)\n  async createMany(): Promise<void> {}\n}`,
      errors: [{ messageId: 'missingGuard', line: 11, column: 9 }],
    },
  ],
});
