import { createWorkspaceView } from '../../engine/workspace-view';
import { RuleTester } from '../../testing/rule-tester';
import rule from './dto-validated';

const controllerFile = 'apps/api/src/users/users.controller.ts';
const dtoFile = 'apps/api/src/users/dto/create-user.dto.ts';

/** Under Nx: the graph says what the api depends on (nothing here). */
const workspace = createWorkspaceView({
  projects: [
    { name: 'api', root: 'apps/api', tags: [], dependencies: [] },
    { name: 'contracts', root: 'libs/contracts', tags: [], packageName: '@acme/contracts', dependencies: [] },
  ],
  pathAliases: { '@api/*': ['apps/api/src/*'] },
});

/** Under Nx, the api depending on the contracts library: its files are the enforce target's `^` inputs. */
const dependingWorkspace = createWorkspaceView({
  projects: [
    { name: 'api', root: 'apps/api', tags: [], dependencies: ['contracts'] },
    { name: 'contracts', root: 'libs/contracts', tags: [], packageName: '@acme/contracts', dependencies: [] },
  ],
});

/** The CLI's view: projects from their manifests, no graph. */
const cliWorkspace = createWorkspaceView({
  projects: [
    { name: 'api', root: 'apps/api', tags: [] },
    { name: '@acme/contracts', root: 'libs/contracts', tags: [], packageName: '@acme/contracts' },
  ],
});

const contractsPackage = { 'libs/contracts/package.json': JSON.stringify({ name: '@acme/contracts', main: 'src/index.ts' }) };

/** A controller file: `imports` (after Nest's), then one handler taking `parameter`. */
const controller = (imports: string, parameter: string, nest = `import { Body, Controller, Post } from '@nestjs/common';`) =>
  `${nest}\n${imports}\n@Controller('users')\nexport class UsersController {\n  @Post()\n  create(${parameter}) {}\n}\n`;

const importDto = `import { CreateUserDto } from './dto/create-user.dto';`;

const validDto = `import { IsEmail, IsString, Length } from 'class-validator';
export class CreateUserDto {
  @IsString() @Length(1, 80) name!: string;
  @IsEmail() email!: string;
}
`;

const aliases = {
  'tsconfig.base.json':
    `{\n  // path aliases\n  "compilerOptions": { "baseUrl": ".", "paths": { "@api/*": ["apps/api/src/*"], ` +
    `"@acme/contracts": ["libs/contracts/src/index.ts"], }, },\n}\n`,
};

const unvalidatedDto = `import { IsString } from 'class-validator';
import { Type } from 'class-transformer';
export class CreateUserDto {
  @IsString() name!: string;
  @Type(() => Number) age!: number;
  email?: string;
}
`;

new RuleTester().run(rule, {
  valid: [
    // A schema pipe on the parameter checks the body: the type (a class, or a type from a package) only describes it.
    {
      code: controller(
        `import { ICreateUserRo, createUserRoSchema } from '@teable-like/openapi';\nimport { ZodValidationPipe } from '../zod.validation.pipe';`,
        '@Body(new ZodValidationPipe(createUserRoSchema)) body: ICreateUserRo',
      ),
      filename: controllerFile,
    },
    {
      code: controller(importDto, '@Body(new ZodValidationPipe(createUserSchema)) dto: CreateUserDto'),
      filename: controllerFile,
      files: { [dtoFile]: unvalidatedDto },
    },
    {
      code: controller(`import { IsEmail, IsString, Length } from 'class-validator';`, '@Body() dto: CreateUserDto') + validDto.replace(/^import .*\n/, ''),
      filename: controllerFile,
    },
    { code: controller(importDto, '@Body() dto: CreateUserDto'), filename: controllerFile, files: { [dtoFile]: validDto } },
    { code: controller(importDto, '@Body() dtos: CreateUserDto[]'), filename: controllerFile, files: { [dtoFile]: validDto } },
    {
      code: controller(`import { CreateUserDto } from './dto/create-user.dto.js';`, '@Body() dto: CreateUserDto'),
      filename: controllerFile,
      files: { [dtoFile]: validDto },
    },
    {
      code: controller(`import { CreateUserDto } from './dto';`, '@Body() dto: CreateUserDto'),
      filename: controllerFile,
      files: { 'apps/api/src/users/dto/index.ts': `export * from './update-user.dto';\nexport * from './create-user.dto';\n`, [dtoFile]: validDto },
    },
    {
      code: controller(`import CreateUserDto from './dto/create-user.dto';`, '@Body() dto: CreateUserDto'),
      filename: controllerFile,
      files: { [dtoFile]: validDto.replace('export class', 'export default class') },
    },
    {
      code:
        controller(
          `import { PartialType } from '@nestjs/mapped-types';\nimport { CreateUserDto } from './dto/create-user.dto';`,
          '@Body() dto: UpdateUserDto',
        ) + `export class UpdateUserDto extends PartialType(CreateUserDto) {}\n`,
      filename: controllerFile,
    },
    {
      code:
        controller(`import { IsIn } from 'class-validator';`, '@Body() dto: AdminDto') +
        (`class BaseDto {\n  createdBy: string;\n}\nclass AdminDto extends BaseDto {\n  @IsIn(['admin']) role!: string;\n  ` +
          `static readonly kind = 'admin';\n  #secret = 1;\n}\n`),
      filename: controllerFile,
    },
    // A type with a pipe of its own is checked by that pipe; an enum or a constant is not a body DTO.
    {
      code: controller(`interface CreateUserInput { name: string }`, '@Body(new ZodValidationPipe(createUserSchema)) dto: CreateUserInput'),
      filename: controllerFile,
    },
    { code: controller(`enum Status { Open, Closed }`, '@Body() status: Status'), filename: controllerFile },
    {
      code: controller(`import * as v from 'class-validator';`, '@Body() dto: LoginDto') + `class LoginDto {\n  @v.IsEmail() email!: string;\n}\n`,
      filename: controllerFile,
    },
    {
      code: controller(`import { IsCuid } from '../validators';`, '@Body() dto: LinkDto') + `class LinkDto {\n  @IsCuid() targetId!: string;\n}\n`,
      filename: controllerFile,
      options: { validationDecorators: ['IsCuid'] },
    },
    {
      code:
        controller(`import { z } from 'zod';`, '@Body() dto: LinkDto') +
        `class LinkDto {\n  @ZodField() targetId!: string;\n}\nimport { ZodField } from 'nestjs-zod';\n`,
      filename: controllerFile,
      options: { validationModules: ['class-validator', 'nestjs-zod'] },
    },
    { code: controller(importDto, '@Body() dto: CreateUserDto'), filename: controllerFile, options: { reportUnresolved: false } },
    {
      code: controller(`import { CreateUserDto } from '@acme/contracts';`, '@Body() dto: CreateUserDto'),
      filename: controllerFile,
      workspace,
      options: { reportUnresolved: false },
    },
    // A custom decorator that registers a class-validator check validates.
    {
      code:
        controller(`import { IsCurrencyCode } from '../validators/is-currency-code';`, '@Body() dto: PriceDto') +
        `class PriceDto {\n  @IsCurrencyCode() currency!: string;\n}\n`,
      filename: controllerFile,
      files: {
        'apps/api/src/validators/is-currency-code.ts':
          `import { registerDecorator } from 'class-validator';\nexport function IsCurrencyCode() {\n  return ` +
          `(object: object, propertyName: string) => registerDecorator({ target: object.constructor, propertyName, validator: ` +
          `CurrencyCode });\n}\n`,
      },
    },
    // Through a barrel (`export * from`): real code, amplication's `@IsJSONValue()` from '../../validators'.
    {
      code: controller(`import { IsJSONValue } from '../validators';`, '@Body() dto: PriceDto') + `class PriceDto {\n  @IsJSONValue() meta!: string;\n}\n`,
      filename: controllerFile,
      files: {
        'apps/api/src/validators/index.ts': `export * from './is-uuid-list';\nexport * from './is-json-value';\n`,
        'apps/api/src/validators/is-uuid-list.ts': `export const IsUuidList = () => Reflect.metadata('uuid', true);\n`,
        'apps/api/src/validators/is-json-value.ts':
          `import { registerDecorator } from 'class-validator';\nexport function IsJSONValue() {\n` +
          `  return (object: object, propertyName: string) => registerDecorator({ target: object.constructor, propertyName, validator: JsonValue });\n}\n`,
      },
    },
    // A root tsconfig path alias (tsconfig.base.json, with comments and baseUrl) leads to the DTO.
    {
      code: controller(`import { CreateUserDto } from '@api/users/dto/create-user.dto';`, '@Body() dto: CreateUserDto'),
      filename: controllerFile,
      workspace,
      files: { ...aliases, [dtoFile]: validDto },
    },
    { code: controller(importDto, '@Body() dto: CreateUserDto'), filename: controllerFile, files: { [dtoFile]: unvalidatedDto }, isTestFile: true },
    // Not Nest: the file does not import @nestjs/common.
    {
      code:
        `// generated for @nestjs/common\nimport { Body, Controller, Post } from 'routing-controllers';\n${importDto}\n` +
        `@Controller()\nclass C { @Post() create(@Body() dto: CreateUserDto) {} }\n`,
      filename: controllerFile,
      files: { [dtoFile]: unvalidatedDto },
    },
    { code: controller('', '@Body() dto: T').replace('class UsersController', 'class UsersController<T>'), filename: controllerFile },
  ],
  invalid: [
    // An interface or type alias is erased: ValidationPipe has nothing to check the body against (real code: refly's bodies, AFFiNE's).
    {
      code: controller(`interface CreateUserInput { name: string }`, '@Body() dto: CreateUserInput'),
      filename: controllerFile,
      errors: [
        {
          messageId: 'notAClass',
          message:
            'Body DTO "CreateUserInput" is an interface, which is erased at run time: ValidationPipe has no class to check the body ' +
            'against, so whatever the client sends reaches the handler. Declare CreateUserInput as a class with class-validator ' +
            'decorators.',
        },
      ],
    },
    {
      code: controller(`import type { CreateUserInput } from './dto/create-user.input';`, '@Body() dto: CreateUserInput'),
      filename: controllerFile,
      files: { 'apps/api/src/users/dto/create-user.input.ts': `export type CreateUserInput = { name: string };\n` },
      errors: [
        {
          messageId: 'notAClass',
          message:
            'Body DTO "CreateUserInput" is a type alias, which is erased at run time: ValidationPipe has no class to check the body ' +
            'against, so whatever the client sends reaches the handler. Declare CreateUserInput as a class with class-validator ' +
            'decorators.',
        },
      ],
    },
    // ValidationPipe validates against the class: its undecorated properties are still unchecked.
    {
      code: controller(importDto, '@Body(new ValidationPipe({ whitelist: true })) dto: CreateUserDto'),
      filename: controllerFile,
      files: { [dtoFile]: unvalidatedDto },
      errors: [{ messageId: 'unvalidatedProperties' }],
    },
    {
      code: controller(importDto, '@Body() dto: CreateUserDto'),
      filename: controllerFile,
      files: { [dtoFile]: unvalidatedDto },
      errors: [
        {
          messageId: 'unvalidatedProperties',
          line: 6,
          column: 10,
          message:
            'Body DTO "CreateUserDto" has properties without a validation decorator (age, email): add class-validator decorators ' +
            'such as @IsString() or @ValidateNested() so ValidationPipe checks them.',
        },
      ],
    },
    {
      code:
        controller(`import { IsString } from 'class-validator';`, '@Body() dto: CreateUserDto') +
        `\nexport class CreateUserDto {\n  @IsString()\n  name!: string;\n\n  password!: string;\n}\n`,
      filename: controllerFile,
      errors: [
        {
          messageId: 'unvalidatedProperties',
          message:
            'Body DTO "CreateUserDto" has properties without a validation decorator (password): add class-validator decorators such ' +
            'as @IsString() or @ValidateNested() so ValidationPipe checks them.',
        },
      ],
    },
    {
      code: controller(importDto, `\n    @Body()\n    dtos: CreateUserDto[],\n  `),
      filename: controllerFile,
      files: { [dtoFile]: unvalidatedDto },
      errors: [{ messageId: 'unvalidatedProperties', line: 7, column: 5 }],
    },
    // Declared in the same project: the workspace does not silence it.
    {
      code: controller(importDto, '@Body() dto: CreateUserDto'),
      filename: controllerFile,
      workspace,
      files: { [dtoFile]: unvalidatedDto },
      errors: [{ messageId: 'unvalidatedProperties' }],
    },
    {
      code: controller(`import { CreateUserDto } from './dto';`, '@Body() dto: CreateUserDto'),
      filename: controllerFile,
      files: { 'apps/api/src/users/dto/index.ts': `export { CreateUserDto } from './create-user.dto';\n`, [dtoFile]: unvalidatedDto },
      errors: [{ messageId: 'unvalidatedProperties' }],
    },
    {
      code: controller(`import { NewUser } from './dto';`, '@Body() dto: NewUser'),
      filename: controllerFile,
      files: {
        'apps/api/src/users/dto/index.ts': `export * from './login.dto';\nexport { CreateUserDto as NewUser } from './create-user.dto';\n`,
        [dtoFile]: unvalidatedDto,
      },
      errors: [
        {
          messageId: 'unvalidatedProperties',
          message:
            'Body DTO "CreateUserDto" has properties without a validation decorator (age, email): add class-validator decorators ' +
            'such as @IsString() or @ValidateNested() so ValidationPipe checks them.',
        },
      ],
    },
    {
      code: controller(`import * as dto from './dto/create-user.dto';`, '@Body() body: dto.CreateUserDto'),
      filename: controllerFile,
      files: { [dtoFile]: unvalidatedDto },
      errors: [{ messageId: 'unvalidatedProperties' }],
    },
    {
      code: controller(importDto, '@RequestBody() dto: CreateUserDto', `import { Body as RequestBody, Controller, Post } from '@nestjs/common';`),
      filename: controllerFile,
      files: { [dtoFile]: unvalidatedDto },
      errors: [{ messageId: 'unvalidatedProperties' }],
    },
    {
      code: controller(`import { AddressDto } from './dto/address.dto';`, `@Body('address') address: AddressDto`),
      filename: controllerFile,
      files: { 'apps/api/src/users/dto/address.dto.ts': `class AddressDto {\n  street: string;\n}\nexport { AddressDto };\n` },
      errors: [{ messageId: 'unvalidatedProperties' }],
    },
    {
      code: controller('', '@Body() dto: WideDto') + `class WideDto {\n  a: string; b: string; c: string; d: string; e: string; f: string; g: string;\n}\n`,
      filename: controllerFile,
      errors: [
        {
          messageId: 'unvalidatedProperties',
          message:
            'Body DTO "WideDto" has properties without a validation decorator (a, b, c, d, e and 2 more): add class-validator ' +
            'decorators such as @IsString() or @ValidateNested() so ValidationPipe checks them.',
        },
      ],
    },
    {
      code: controller(importDto, '@Body() dto: CreateUserDto').replace('  @Post()\n', '  @Post()\n  replace(@Body() dto: CreateUserDto) {}\n  @Post()\n'),
      filename: controllerFile,
      files: { [dtoFile]: unvalidatedDto },
      errors: [
        { messageId: 'unvalidatedProperties', line: 6 },
        { messageId: 'unvalidatedProperties', line: 8 },
      ],
    },
    // A custom decorator that validates nothing.
    {
      code: controller(`import { Label } from '../decorators';`, '@Body() dto: PriceDto') + `class PriceDto {\n  @Label('Currency') currency!: string;\n}\n`,
      filename: controllerFile,
      files: {
        'apps/api/src/decorators/index.ts': `export { Label } from './label';\n`,
        'apps/api/src/decorators/label.ts': `export const Label = (text: string) => Reflect.metadata('label', text);\n`,
      },
      errors: [{ messageId: 'unvalidatedProperties' }],
    },
    {
      code:
        controller(`import { Label } from '../decorators/label';`, '@Body() dto: PriceDto') + `class PriceDto {\n  @Label('Currency') currency!: string;\n}\n`,
      filename: controllerFile,
      files: { 'apps/api/src/decorators/label.ts': `export const Label = (text: string) => Reflect.metadata('label', text);\n` },
      errors: [{ messageId: 'unvalidatedProperties' }],
    },
    // Through a path alias, in the same project.
    {
      code: controller(`import { CreateUserDto } from '@api/users/dto/create-user.dto';`, '@Body() dto: CreateUserDto'),
      filename: controllerFile,
      workspace,
      files: { ...aliases, [dtoFile]: unvalidatedDto },
      errors: [{ messageId: 'unvalidatedProperties' }],
    },
    // A workspace package imported by its name (no path alias), read through its manifest's entry, when the project depends on it (real code: refly's
    // @refly/openapi-schema).
    {
      code: controller(`import { CreateUserDto } from '@acme/contracts';`, '@Body() dto: CreateUserDto'),
      filename: controllerFile,
      workspace: dependingWorkspace,
      files: {
        ...contractsPackage,
        'libs/contracts/src/index.ts': `export * from './login.dto';\nexport * from './create-user.dto';\n`,
        'libs/contracts/src/create-user.dto.ts': unvalidatedDto,
      },
      errors: [{ messageId: 'unvalidatedProperties' }],
    },
    {
      code: controller(`import type { CreateUserRequest } from '@acme/contracts';`, '@Body() dto: CreateUserRequest'),
      filename: controllerFile,
      workspace: cliWorkspace,
      files: {
        ...contractsPackage,
        'libs/contracts/src/index.ts': `export * from './types.gen';\n`,
        'libs/contracts/src/types.gen.ts': `export type CreateUserRequest = { name: string };\n`,
      },
      errors: [
        {
          messageId: 'notAClass',
          message:
            'Body DTO "CreateUserRequest" is a type alias, which is erased at run time: ValidationPipe has no class to check the ' +
            'body against, so whatever the client sends reaches the handler. Declare CreateUserRequest as a class with ' +
            'class-validator decorators.',
        },
      ],
    },
    // A manifest whose entry is build output falls back on src/index.ts; a subpath on src/<subpath>.
    {
      code: controller(`import { CreateUserDto } from '@acme/contracts';`, '@Body() dto: CreateUserDto'),
      filename: controllerFile,
      workspace: cliWorkspace,
      files: {
        'libs/contracts/package.json': JSON.stringify({ name: '@acme/contracts', main: 'dist/index.js', types: 'dist/index.d.ts' }),
        'libs/contracts/src/index.ts': `export * from './create-user.dto';\n`,
        'libs/contracts/src/create-user.dto.ts': unvalidatedDto,
      },
      errors: [{ messageId: 'unvalidatedProperties' }],
    },
    {
      code: controller(`import { CreateUserDto } from '@acme/contracts/create-user.dto';`, '@Body() dto: CreateUserDto'),
      filename: controllerFile,
      workspace: dependingWorkspace,
      files: { 'libs/contracts/src/create-user.dto.ts': unvalidatedDto },
      errors: [{ messageId: 'unvalidatedProperties' }],
    },
    // Without the project graph (the CLI), an alias into another folder is read as well.
    {
      code: controller(`import { CreateUserDto } from '@acme/contracts';`, '@Body() dto: CreateUserDto'),
      filename: controllerFile,
      files: { ...aliases, 'libs/contracts/src/index.ts': `export * from './create-user.dto';\n`, 'libs/contracts/src/create-user.dto.ts': unvalidatedDto },
      errors: [{ messageId: 'unvalidatedProperties' }],
    },
    {
      code: controller(importDto, '@Body() dto: CreateUserDto'),
      filename: controllerFile,
      errors: [
        {
          messageId: 'cannotVerify',
          message:
            'Cannot verify that body DTO "CreateUserDto" is validated: "./dto/create-user.dto" does not lead to its declaration (a ' +
            'missing file, or more than one re-export hop).',
        },
      ],
    },
    // Under Nx another project's files are not this task's inputs: said, not skipped.
    {
      code: controller(`import { CreateUserDto } from '../../../../libs/contracts/src/create-user.dto';`, '@Body() dto: CreateUserDto'),
      filename: controllerFile,
      workspace,
      files: { 'libs/contracts/src/create-user.dto.ts': unvalidatedDto },
      errors: [
        {
          messageId: 'cannotVerify',
          message:
            'Cannot verify that body DTO "CreateUserDto" is validated: it is declared in project contracts ' +
            '("../../../../libs/contracts/src/create-user.dto"), which this project does not depend on, so its check does not read ' +
            'its files.',
        },
      ],
    },
    {
      code: controller(`import { CreateUserDto } from '@acme/contracts';`, '@Body() dto: CreateUserDto'),
      filename: controllerFile,
      workspace,
      files: { ...aliases, 'libs/contracts/src/index.ts': `export * from './create-user.dto';\n` },
      errors: [
        {
          messageId: 'cannotVerify',
          message:
            'Cannot verify that body DTO "CreateUserDto" is validated: it is declared in project contracts ("@acme/contracts"), ' +
            'which this project does not depend on, so its check does not read its files.',
        },
      ],
    },
    {
      code: controller(`import { CreateUserDto } from '@acme/contracts';`, '@Body() dto: CreateUserDto'),
      filename: controllerFile,
      errors: [
        {
          messageId: 'cannotVerify',
          message: 'Cannot verify that body DTO "CreateUserDto" is validated: it comes from the package "@acme/contracts", whose sources are not read.',
        },
      ],
    },
    {
      code: controller(`import { CreateUserDto } from './dto';`, '@Body() dto: CreateUserDto'),
      filename: controllerFile,
      files: {
        'apps/api/src/users/dto/index.ts': `export * from './users';\n`,
        'apps/api/src/users/dto/users/index.ts': `export * from './create-user.dto';\n`,
      },
      errors: [{ messageId: 'cannotVerify' }],
    },
  ],
});
