import { RuleTester } from '../../testing/rule-tester';
import rule from './body-requires-dto';

const nest = `import { Body, Controller, Param, ParseIntPipe, Post, ValidationPipe } from '@nestjs/common';\n`;

const controllerFile = 'apps/api/src/posts/posts.controller.ts';

/** A controller that hands its `any` body to `this.posts.<call>`, with PostsService imported from `from`. */
const handsOver = (call: string, from = './posts.service') =>
  `${nest}import { PostsService } from '${from}';\n@Controller('posts')\nexport class PostsController {\n  ` +
  `constructor(private readonly audit: AuditService, private readonly posts: PostsService) {}\n  @Post()\n  async ` +
  `create(@Body() rawBody: any) {\n    ${call}\n  }\n}\n`;

/** The service's file: a class with one method `map(body)` whose body is `body`. */
const service = (body: string) => ({
  'apps/api/src/posts/posts.service.ts':
    `import { Injectable, ValidationPipe } from '@nestjs/common';\n@Injectable()\nexport class PostsService {\n  async ` +
    `map(body: unknown) {\n    ${body}\n  }\n}\n`,
});

/** A controller with one handler whose parameter list is `parameters`. */
const handler = (parameters: string, imports = nest) =>
  `${imports}@Controller('users')\nexport class UsersController {\n  @Post()\n  create(${parameters}) {}\n}\n`;

new RuleTester().run(rule, {
  valid: [
    handler(`@Body() dto: CreateUserDto`),
    handler(`@Body() dtos: CreateUserDto[]`),
    handler(`@Body() dtos: Array<CreateUserDto>`),
    handler(`@Body() dto: CreateUserDto | undefined`),
    handler(`@Body() dto: dto.CreateUserDto`),
    handler(`@Body() dto: CreateUserInput`),
    handler(`@Body(new ZodValidationPipe(createUserSchema)) dto: unknown`),
    handler(`@Body('age', ParseIntPipe) age: number`),
    handler(`@Body('age', new ParseIntPipe({ optional: true })) age?: number`),
    handler(`@Body('address') address: AddressDto`),
    handler(`@Param('id') id: string, @Body() dto: CreateUserDto`),
    { code: handler(`@Body('name') name: string`), options: { checkFields: false } },
    // The handler checks the field's type itself.
    `${nest}@Controller('users')\nexport class UsersController {\n  @Post()\n  rename(@Body('name') name: string) {\n    if ` +
      `(typeof name !== 'string') throw new BadRequestException();\n    return name;\n  }\n}\n`,
    // The handler validates the body (or each field of its inline type) before anything else (real code: AFFiNE's auth preflight).
    `${nest}@Controller('users')\nexport class UsersController {\n  @Post()\n  create(@Body() params?: { email: string ` +
      `}) {\n    if (!params?.email) throw new BadRequestException();\n    validators.assertValidEmail(params.email);\n    ` +
      `return params.email;\n  }\n}\n`,
    `${nest}@Controller('users')\nexport class UsersController {\n  @Post()\n  create(@Body() body: unknown) {\n    const ` +
      `input = createUserSchema.parse(body);\n    return input;\n  }\n}\n`,
    `${nest}@Controller('users')\nexport class UsersController {\n  @Post()\n  create(@Body() body: any) {\n    await ` +
      `validateOrReject(body);\n    return body;\n  }\n}\n`,
    `${nest}@Controller('users')\nexport class UsersController {\n  @Post()\n  create(@Body('email') email: string) {\n    ` +
      `assertEmail(email);\n    return email;\n  }\n}\n`,
    // An unknown body that the handler narrows before it reads it (real code: refly's webhook trigger).
    `${nest}@Controller('users')\nexport class UsersController {\n  @Post()\n  create(@Body() body: unknown) {\n    if ` +
      `(body !== null && body !== undefined && !isRecord(body)) throw new BadRequestException();\n    const payload = ` +
      `isRecord(body) ? body : {};\n    return payload;\n  }\n}\n`,
    `${nest}@Controller('users')\nexport class UsersController {\n  @Post()\n  create(@Body() body: unknown) {\n    if ` +
      `(typeof body !== 'object' || body === null) throw new BadRequestException();\n    return Object.keys(body);\n  }\n}\n`,
    // The body's first stop is a service method that validates it (real code: postiz's mapTypeToPost).
    {
      code: handsOver('return this.posts.map(rawBody);'),
      filename: controllerFile,
      files: service('return new ValidationPipe({ transform: true }).transform(body, { type: "body", metatype: CreatePostDto });'),
    },
    {
      code: handsOver(
        'Sentry.metrics.count("posts", 1);\n    const post = await this.posts.map({ ...rawBody, kind: "draft" });\n    return this.audit.log(post);',
      ),
      filename: controllerFile,
      files: service('const instance = plainToInstance(CreatePostDto, body);\n    await validateOrReject(instance);\n    return instance;'),
    },
    { code: handsOver('return this.posts.map(rawBody);'), filename: controllerFile, files: service('return createPostSchema.parse(body);') },
    // Another framework's @Body() in a file that does not import @nestjs/common.
    handler(`@Body() body: any`, `import { Body, Controller, Post } from 'routing-controllers';\n// built on @nestjs/common conventions\n`),
    // @nestjs/common is imported, but Body is not its Body.
    handler(`@Body() body: any`, `import { Controller, Post } from '@nestjs/common';\nimport { Body } from 'routing-controllers';\n`),
    { code: handler(`@Body() body: any`), isTestFile: true },
    // Only imports are followed: a local alias of Nest's Body is not recognised.
    handler(`@Body() body: any`, `import { Body as RequestBody, Controller, Post } from '@nestjs/common';\nconst Body = RequestBody;\n`),
    `import { Injectable } from '@nestjs/common';\nexport function parse(body: any) { return body; }`,
  ],
  invalid: [
    // A service method that does not validate, one reached after the body went elsewhere, or one the rule cannot read.
    {
      code: handsOver('return this.posts.map(rawBody);'),
      filename: controllerFile,
      files: service('return JSON.parse(JSON.stringify(body));'),
      errors: [{ messageId: 'looseBody' }],
    },
    {
      code: handsOver('await this.audit.log(rawBody);\n    return this.posts.map(rawBody);'),
      filename: controllerFile,
      files: service('return createPostSchema.parse(body);'),
      errors: [{ messageId: 'looseBody' }],
    },
    { code: handsOver('return this.posts.map(rawBody);', '@acme/posts'), filename: controllerFile, errors: [{ messageId: 'looseBody' }] },
    // Text parsers are not schemas; an unknown body handed on before it is narrowed.
    {
      code:
        `${nest}@Controller('users')\nexport class UsersController {\n  @Post()\n  create(@Body() body: any) {\n    const input ` +
        `= qs.parse(body);\n    return input;\n  }\n}\n`,
      errors: [{ messageId: 'looseBody' }],
    },
    {
      code:
        `${nest}@Controller('users')\nexport class UsersController {\n  @Post()\n  create(@Body() body: any) {\n    const input ` +
        `= parse(body);\n    return input;\n  }\n}\n`,
      errors: [{ messageId: 'looseBody' }],
    },
    {
      code:
        `${nest}@Controller('users')\nexport class UsersController {\n  @Post()\n  create(@Body() body: unknown) {\n    const ` +
        `run = this.runs.start(body);\n    if (!isRecord(body)) throw new BadRequestException();\n    return run;\n  }\n}\n`,
      errors: [{ messageId: 'looseBody' }],
    },
    // Narrowed, then cast past the check; an any body is not made safe by a guard TypeScript does not require.
    {
      code:
        `${nest}@Controller('users')\nexport class UsersController {\n  @Post()\n  create(@Body() body: unknown) {\n    if ` +
        `(!isRecord(body)) throw new BadRequestException();\n    return this.users.create(body as CreateUserDto);\n  }\n}\n`,
      errors: [{ messageId: 'looseBody' }],
    },
    {
      code:
        `${nest}@Controller('users')\nexport class UsersController {\n  @Post()\n  create(@Body() body: any) {\n    if ` +
        `(!isRecord(body)) throw new BadRequestException();\n    return this.users.create(body);\n  }\n}\n`,
      errors: [{ messageId: 'looseBody' }],
    },
    {
      code:
        `${nest}@Controller('users')\nexport class UsersController {\n  @Post()\n  create(@Body() body: unknown) {\n    return ` +
        `this.users.create(body);\n  }\n}\n`,
      errors: [{ messageId: 'looseBody' }],
    },
    // JSON.parse reads text; a validator under a condition, or of one field of two, leaves the rest unchecked.
    {
      code:
        `${nest}@Controller('users')\nexport class UsersController {\n  @Post()\n  create(@Body() body: any) {\n    const input ` +
        `= JSON.parse(body);\n    return input;\n  }\n}\n`,
      errors: [{ messageId: 'looseBody' }],
    },
    {
      code:
        `${nest}@Controller('users')\nexport class UsersController {\n  @Post()\n  create(@Body() body: any) {\n    if ` +
        `(body.strict) validateOrReject(body);\n    return body;\n  }\n}\n`,
      errors: [{ messageId: 'looseBody' }],
    },
    {
      code:
        `${nest}@Controller('users')\nexport class UsersController {\n  @Post()\n  create(@Body() body: { email: string; role: ` +
        `string }) {\n    assertValidEmail(body.email);\n    return body;\n  }\n}\n`,
      errors: [{ messageId: 'looseBody' }],
    },
    {
      code:
        `${nest}@Controller('users')\nexport class UsersController {\n  @Post()\n  create(@Body('email') email: string) {\n    ` +
        `return this.users.checkEmail(email);\n  }\n}\n`,
      errors: [{ messageId: 'unvalidatedField' }],
    },
    // A typeof of another value does not check the field.
    {
      code:
        `${nest}@Controller('users')\nexport class UsersController {\n  @Post()\n  rename(@Body('name') name: string, ` +
        `@Body('id') id: string) {\n    if (typeof id !== 'string') throw new BadRequestException();\n    return name;\n  }\n}\n`,
      errors: [{ messageId: 'unvalidatedField', line: 5 }],
    },
    {
      code: handler(`@Body() body: any`),
      errors: [
        {
          messageId: 'looseBody',
          line: 5,
          column: 10,
          message: '@Body() parameter "body" is typed "any", which ValidationPipe cannot check: type it with a DTO class that has class-validator decorators.',
        },
      ],
    },
    { code: handler(`@Body() body`), errors: [{ messageId: 'untypedBody', line: 5, column: 10 }] },
    { code: handler(`@Body() body: unknown`), errors: [{ messageId: 'looseBody' }] },
    { code: handler(`@Body() body: object`), errors: [{ messageId: 'looseBody' }] },
    { code: handler(`@Body() body: Object`), errors: [{ messageId: 'looseBody' }] },
    { code: handler(`@Body() body: string`), errors: [{ messageId: 'looseBody' }] },
    { code: handler(`@Body() ids: number[]`), errors: [{ messageId: 'looseBody' }] },
    {
      code: handler(`@Body() body: Record<string, unknown>`),
      errors: [
        {
          messageId: 'looseBody',
          message:
            '@Body() parameter "body" is typed "Record<string, unknown>", which ValidationPipe cannot check: type it with a DTO ' +
            'class that has class-validator decorators.',
        },
      ],
    },
    { code: handler(`@Body() body: Partial<CreateUserDto>`), errors: [{ messageId: 'looseBody' }] },
    { code: handler(`@Body() body: CreateUserDto | Record<string, string>`), errors: [{ messageId: 'looseBody' }] },
    { code: handler(`@Body() body: { name: string; age: number }`), errors: [{ messageId: 'looseBody' }] },
    {
      code: handler(`\n    @Body()\n    body: {\n      name: string;\n      email: string;\n    },\n  `),
      errors: [
        {
          messageId: 'looseBody',
          line: 6,
          column: 5,
          message:
            '@Body() parameter "body" is typed "{ name: string; email: string; }", which ValidationPipe cannot check: type it with ' +
            'a DTO class that has class-validator decorators.',
        },
      ],
    },
    { code: handler(`@Body(ValidationPipe) body: any`), errors: [{ messageId: 'looseBody' }] },
    { code: handler(`@Body(new ValidationPipe({ whitelist: true })) body: object`), errors: [{ messageId: 'looseBody' }] },
    {
      code: handler(`@Body('name') name: string`),
      errors: [
        {
          messageId: 'unvalidatedField',
          message:
            '@Body(\'name\') reads a field typed "string" that no pipe checks: pass a validating pipe (e.g. ParseIntPipe) or move the field into a DTO class.',
        },
      ],
    },
    { code: handler(`@Body('tags') tags: string[]`), errors: [{ messageId: 'unvalidatedField' }] },
    { code: handler(`@Body('name', ValidationPipe) name: string`), errors: [{ messageId: 'unvalidatedField' }] },
    {
      code: handler(`@Body('name') name`),
      errors: [
        {
          messageId: 'unvalidatedField',
          message:
            '@Body(\'name\') reads a field typed "untyped" that no pipe checks: pass a validating pipe (e.g. ParseIntPipe) or move the field into a DTO class.',
        },
      ],
    },
    {
      code: handler(`@RequestBody() body: any`, `import { Body as RequestBody, Controller, Post } from '@nestjs/common';\n`),
      errors: [{ messageId: 'looseBody' }],
    },
    { code: handler(`@common.Body() body: any`, `import * as common from '@nestjs/common';\n`), errors: [{ messageId: 'looseBody' }] },
    {
      code: handler(`@Body() first: any, @Body('id') id: number`),
      errors: [
        { messageId: 'looseBody', column: 10 },
        { messageId: 'unvalidatedField', column: 30 },
      ],
    },
  ],
});
