import { RuleTester } from '../../testing/rule-tester';
import rule from './mutation-requires-guard';

const nest = `import { Controller, Delete, Get, Patch, Post, Put, UseGuards } from '@nestjs/common';\nimport { JwtAuthGuard } from '../auth/jwt-auth.guard';\n`;

new RuleTester().run(rule, {
  valid: [
    `${nest}@Controller('users')\nexport class UsersController {\n  @UseGuards(JwtAuthGuard)\n  @Post()\n  create() {}\n}`,
    // The guard on the class applies to every handler.
    `${nest}@UseGuards(JwtAuthGuard)\n@Controller('users')\nexport class UsersController {\n  @Post() create() {}\n  @Put(':id') replace() {}\n  @Patch(':id') update() {}\n  @Delete(':id') remove() {}\n}`,
    // Inherited from a guarded base class declared in the same file.
    `${nest}@UseGuards(JwtAuthGuard)\nabstract class GuardedController {}\n@Controller('users')\nexport class UsersController extends GuardedController {\n  @Post() create() {}\n}`,
    `${nest}@Controller('users')\nexport class UsersController {\n  @Get() list() {}\n  @Get(':id') find() {}\n}`,
    `${nest}import { Public } from '../auth/public.decorator';\n@Controller('auth')\nexport class AuthController {\n  @Public()\n  @Post('login')\n  login() {}\n}`,
    `${nest}import { Public } from '../auth/public.decorator';\n@Public()\n@Controller('health')\nexport class HealthController {\n  @Post('ping') ping() {}\n}`,
    {
      code: `${nest}import { Auth } from '../auth/auth.decorator';\n@Controller('users')\nexport class UsersController {\n  @Auth('admin')\n  @Delete(':id')\n  remove() {}\n}`,
      options: { guardDecorators: ['UseGuards', 'Auth'] },
    },
    {
      code: `${nest}import { AllowAnonymous } from '../auth';\n@Controller('users')\nexport class UsersController {\n  @AllowAnonymous @Post() create() {}\n}`,
      options: { publicDecorators: ['AllowAnonymous'] },
    },
    `import { Controller as C, Post as P, UseGuards as G } from '@nestjs/common';\n@C('users')\nexport class UsersController {\n  @G(JwtAuthGuard)\n  @P()\n  create() {}\n}`,
    `import * as nest from '@nestjs/common';\n@nest.UseGuards(JwtAuthGuard)\n@nest.Controller('users')\nexport class UsersController {\n  @nest.Post() create() {}\n}`,
    // A base class without @Controller: its subclasses decide (and are checked).
    `${nest}export abstract class CrudController {\n  @Post() create() {}\n}`,
    // Not Nest's decorators.
    `// compatible with @nestjs/common\nimport { Controller, Post } from 'routing-controllers';\n@Controller('users')\nexport class UsersController {\n  @Post() create() {}\n}`,
    `import { Controller } from '@nestjs/common';\nimport { Post } from './http';\n@Controller('users')\nexport class UsersController {\n  @Post() create() {}\n}`,
    { code: `${nest}@Controller('users')\nexport class UsersController {\n  @Post() create() {}\n}`, isTestFile: true },
  ],
  invalid: [
    {
      code: `${nest}@Controller('users')\nexport class UsersController {\n  @Post()\n  create() {}\n}`,
      errors: [{ messageId: 'missingGuard', line: 6, column: 3, message: 'POST handler "create" has no guard: add @UseGuards(...) to the method or its controller, or mark it @Public() if it is meant to be open.' }],
    },
    {
      code: `${nest}@Controller('users')\nexport class UsersController {\n  @Get() list() {}\n  @Put(':id') replace() {}\n  @Patch(':id') update() {}\n  @Delete(':id') remove() {}\n}`,
      errors: [
        { messageId: 'missingGuard', line: 6, message: 'PUT handler "replace" has no guard: add @UseGuards(...) to the method or its controller, or mark it @Public() if it is meant to be open.' },
        { messageId: 'missingGuard', line: 7 },
        { messageId: 'missingGuard', line: 8, message: 'DELETE handler "remove" has no guard: add @UseGuards(...) to the method or its controller, or mark it @Public() if it is meant to be open.' },
      ],
    },
    // A guard on a sibling handler does not cover this one.
    {
      code: `${nest}@Controller('users')\nexport class UsersController {\n  @UseGuards(JwtAuthGuard)\n  @Post()\n  create() {}\n\n  @Post('import')\n  importMany() {}\n}`,
      errors: [{ messageId: 'missingGuard', line: 10 }],
    },
    { code: `${nest}@UseGuards()\n@Controller('users')\nexport class UsersController {\n  @Post() create() {}\n}`, errors: [{ messageId: 'missingGuard' }] },
    {
      code: `${nest}import { Auth } from '../auth/auth.decorator';\n@Controller('users')\nexport class UsersController {\n  @Auth('admin')\n  @Delete(':id')\n  remove() {}\n}`,
      errors: [{ messageId: 'missingGuard' }],
    },
    {
      code: `${nest}import { Auth } from '../auth/auth.decorator';\n@Controller('users')\nexport class UsersController {\n  @Post()\n  create() {}\n}`,
      options: { guardDecorators: ['Auth'], publicDecorators: ['Anonymous'] },
      errors: [{ messageId: 'missingGuard', message: 'POST handler "create" has no guard: add @Auth(...) to the method or its controller, or mark it @Anonymous() if it is meant to be open.' }],
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
      code: `${nest}@Controller({\n  path: 'users',\n  version: '1',\n})\nexport class UsersController {\n  @Post(\n    'bulk',\n  )\n  async createMany(): Promise<void> {}\n}`,
      errors: [{ messageId: 'missingGuard', line: 11, column: 9 }],
    },
  ],
});
