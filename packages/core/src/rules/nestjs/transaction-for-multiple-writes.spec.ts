import { RuleTester } from '../../testing/rule-tester';
import rule from './transaction-for-multiple-writes';

const nest = `import { Injectable } from '@nestjs/common';\n`;

/** A service with one method `placeOrder` whose body is `body`. */
const service = (body: string, imports = nest) =>
  `${imports}@Injectable()\nexport class OrdersService {\n  constructor(private readonly prisma: PrismaService) {}\n\n  ` +
  `async placeOrder(input: OrderInput) {\n    ${body}\n  }\n}\n`;

new RuleTester().run(rule, {
  valid: [
    service('return this.prisma.order.create({ data: input });'),
    service(
      'const order = await this.prisma.order.findUnique({ where: { id: input.id } });\n    return this.prisma.order.update({ ' +
        'where: { id: order.id }, data: input });',
    ),
    service(
      'return this.prisma.$transaction(async (tx) => {\n      const order = await tx.order.create({ data: input });\n      ' +
        'await tx.stock.update({ where: { id: input.item }, data: { count: { decrement: 1 } } });\n      return order;\n    });',
    ),
    service(
      'return this.prisma.$transaction([\n      this.prisma.order.create({ data: input }),\n      this.prisma.stock.update({ ' +
        'where: { id: input.item }, data: {} }),\n    ]);',
    ),
    // Collected first, then batched into the transaction.
    service(
      'const writes = [this.prisma.order.create({ data: input })];\n    writes.push(this.prisma.stock.update({ where: { id: ' +
        'input.item }, data: {} }));\n    return this.prisma.$transaction(writes);',
    ),
    service('await this.prisma.$transaction(input.items.map((item) => this.prisma.line.create({ data: item })));'),
    // A catch that ends the method is another path, not more of this one; a catch runs only when its block failed (real code: refly's
    // finalizeResource, createDocument).
    service(
      'try {\n      await this.parser.parse(input);\n    } catch (error) {\n      return this.prisma.resource.update({ ' +
        "where: { id: input.id }, data: { status: 'parse_failed' } });\n    }\n    try {\n      await " +
        'this.indexer.index(input);\n    } catch (error) {\n      return this.prisma.resource.update({ where: { id: input.id }, ' +
        "data: { status: 'index_failed' } });\n    }",
    ),
    service(
      'const doc = await this.documents.create(input);\n    try {\n      await this.prisma.execution.update({ where: { id: ' +
        "input.run }, data: { status: 'finish' } });\n      return doc;\n    } catch (error) {\n      await " +
        "this.prisma.execution.update({ where: { id: input.run }, data: { status: 'failed' } });\n      throw error;\n    }",
    ),
    // A log line after the block's write cannot fail: the catch runs only when the write did (real code: refly's Lambda result handler).
    service(
      'try {\n      await this.prisma.cache.upsert({ where: { key: input.key }, create: input, update: input });\n      ' +
        "this.logger.info({ key: input.key }, 'cached');\n    } catch (error) {\n      this.logger.error({ error }, 'not " +
        "cached');\n      await this.prisma.cache.upsert({ where: { key: input.key }, create: { key: input.key, failed: true }, " +
        'update: { failed: true } });\n    }',
    ),
    // A single write whose failure the method catches and lets go is best effort by design.
    service(
      'await this.prisma.order.create({ data: input });\n    try {\n      await this.prisma.audit.create({ data: { action: ' +
        "'order' } });\n    } catch (error) {\n      this.logger.warn(error);\n    }",
    ),
    // The row records the progress of work outside the database (real code: refly's runWorkflow): no transaction can span the run.
    service(
      "await this.prisma.job.create({ data: { jobId: input.jobId, status: 'running' } });\n    const result = await " +
        "this.runner.run(input);\n    await this.prisma.job.update({ where: { jobId: input.jobId }, data: { status: 'done', " +
        'result } });',
    ),
    // Writes on either side of another collaborator's work (an upload, a payment, a queue): a transaction would stay open across the call and still
    // could not undo it (real code: refly's createCreditPackCheckoutSession, duplicateSharedDocument).
    service(
      'await this.prisma.order.create({ data: { id: input.id } });\n    await this.payments.charge(input);\n    await ' +
        'this.prisma.stock.update({ where: { id: input.id }, data: {} });',
    ),
    service(
      'await this.prisma.job.create({ data: { jobId: input.jobId } });\n    await fetch(input.hook);\n    await ' +
        'this.prisma.job.update({ where: { jobId: input.otherJob }, data: {} });',
    ),
    // A compensating write in the catch of an outside call: the outside work is between them (real code: refly's createPresignedUpload).
    service(
      'try {\n      await this.prisma.order.create({ data: input });\n      await this.mailer.notify(input);\n    } catch ' +
        '(error) {\n      await this.prisma.order.delete({ where: { id: input.id } });\n    }',
    ),
    // Each round's write follows that round's outside work: the rounds are split by it (real code: refly's uploadFiles, ghostfolio's getAssetProfile).
    service(
      'for (const file of input.files) {\n      await this.storage.upload(file);\n      await this.prisma.file.update({ ' +
        'where: { id: file.id }, data: { uploaded: true } });\n    }',
    ),
    service(
      'await Promise.all(input.sources.map((source) => this.provider.fetch(source).then(async (found) => {\n      await ' +
        'this.prisma.resolution.upsert({ where: { id: found.id }, create: found, update: {} });\n    })));',
    ),
    // Chunks of one collection, written in parts on purpose (real code: AFFiNE's pushDocUpdates, teable's record history).
    service('for (const batch of chunk(input.rows, 500)) {\n      await this.prisma.update.createMany({ data: batch });\n    }'),
    service('for (let i = 0; i < input.rows.length; i += size) {\n      await this.prisma.history.createMany({ data: input.rows.slice(i, i + size) });\n    }'),
    // Collected into an object's array whose property shares the const's name (real code: amplication's processCatalogPlugins).
    service(
      'const batch = { update: [] };\n    for (const item of input.items) {\n      const update = this.prisma.line.update({ ' +
        'where: { id: item.id }, data: item });\n      batch.update.push(update);\n    }\n    await ' +
        'this.prisma.$transaction(batch.update);',
    ),
    // The only write of a settled callback, deep in its try/catch (real code: refly's stuck-action sweep).
    service(
      'const results = await Promise.allSettled(\n      input.items.map(async (item) => {\n        try {\n          await ' +
        'this.actions.abort(item);\n        } catch (error) {\n          await this.prisma.action.update({ where: { id: item.id ' +
        "}, data: { status: 'failed' } });\n          throw error;\n        }\n      }),\n    );\n    return results;",
    ),
    // Held unawaited in a const that is only collected for the transaction (real code: amplication's processCatalogPlugins).
    service(
      'const updates = [];\n    for (const item of input.items) {\n      const update = this.prisma.line.update({ where: { ' +
        'id: item.id }, data: item });\n      updates.push(update);\n    }\n    await this.prisma.$transaction(updates);',
    ),
    // Promises built by a map callback, then given to the transaction.
    service(
      'const upserts = input.items.map((item) => {\n      return this.prisma.price.upsert({ where: { id: item.id }, create: ' +
        'item, update: item });\n    });\n    return this.prisma.$transaction(upserts);',
    ),
    // Writes settled one by one by design: each may fail alone.
    service(
      'const updates = input.items.map((item) => this.prisma.line.update({ where: { id: item.id }, data: item }));\n    await Promise.allSettled(updates);',
    ),
    service('await Promise.allSettled(input.items.map((item) => {\n      return this.prisma.line.delete({ where: { id: item.id } });\n    }));'),
    // Each round catches its own failure and goes on: the items succeed or fail one by one.
    service(
      'for (const item of input.items) {\n      try {\n        await this.prisma.price.upsert({ where: { id: item.id }, ' +
        'create: item, update: item });\n      } catch (error) {\n        this.logger.error(error);\n      }\n    }',
    ),
    service(
      'input.items.forEach(async (item) => {\n      try {\n        await this.prisma.line.delete({ where: { id: item.id } ' +
        '});\n      } catch {\n        return;\n      }\n    });',
    ),
    // Writes on branches that exclude each other: one run makes one write.
    service(
      'const found = await this.prisma.order.findFirst({ where: { ref: input.ref } });\n    if (found) {\n' +
        '      return this.prisma.order.update({ where: { id: found.id }, data: input });\n    }\n' +
        '    return this.prisma.order.create({ data: input });',
    ),
    service(
      'if (input.remove) await this.prisma.order.delete({ where: { id: input.id } });\n    else await ' +
        'this.prisma.order.update({ where: { id: input.id }, data: input });',
    ),
    // Reads do not need a transaction.
    service('const a = await this.prisma.order.findMany();\n    const b = await this.prisma.stock.count();\n    return [a, b];'),
    // Other services do their own writes.
    service('await this.orders.create(input);\n    await this.audit.create({ action: "order" });'),
    // A controller is not a service (no-data-access-in-controller covers it).
    `import { Controller, Post } from '@nestjs/common';\n@Controller()\nexport class OrdersController {\n  @Post() async ` +
      `create() {\n    await this.prisma.order.create({ data: {} });\n    await this.prisma.audit.create({ data: {} });\n  }\n}\n`,
    // Writes in different methods.
    `${nest}@Injectable()\nexport class OrdersService {\n  create() { return this.prisma.order.create({ data: {} }); }\n  ` +
      `remove() { return this.prisma.order.delete({ where: { id: 1 } }); }\n}\n`,
    {
      code: service('await this.prisma.order.create({ data: input });\n    await this.prisma.audit.create({ data: {} });'),
      options: { clientNames: ['database'] },
    },
    { code: service('await this.prisma.order.create({ data: input });\n    await this.prisma.audit.create({ data: {} });'), isTestFile: true },
    // Not a Nest service: nothing is imported from @nestjs/common.
    service(
      'await this.prisma.order.create({ data: input });\n    await this.prisma.audit.create({ data: {} });',
      `// like @nestjs/common\nimport { Injectable } from 'injection-js';\n`,
    ),
  ],
  invalid: [
    // Two writes in one settled callback still go together.
    {
      code: service(
        'await Promise.allSettled(\n      input.items.map(async (item) => {\n        await this.prisma.line.create({ data: item ' +
          '});\n        await this.prisma.stock.update({ where: { id: item.stock }, data: {} });\n      }),\n    );',
      ),
      errors: [{ messageId: 'writesWithoutTransaction' }],
    },
    // By the key of the row the first write returned, after a check that may throw: the row is left half done (real code: amplication's
    // addRolesToTeamAssignment).
    {
      code: service(
        'const assignment = await this.prisma.assignment.upsert({ where: { teamId_resourceId: { teamId: input.teamId, ' +
          'resourceId: input.resourceId } }, update: {}, create: input });\n    await this.validateRoles(assignment.teamId, ' +
          'input.roleIds);\n    await this.prisma.assignment.update({ where: { id: assignment.id }, data: { roles: input.roleIds } });',
      ),
      errors: [{ messageId: 'writesWithoutTransaction' }],
    },
    // The same row written twice with nothing outside the database between.
    {
      code: service(
        "await this.prisma.job.create({ data: { jobId: input.jobId, status: 'new' } });\n    await this.prisma.job.update({ " +
          "where: { jobId: input.jobId }, data: { status: 'queued' } });",
      ),
      errors: [{ messageId: 'writesWithoutTransaction' }],
    },
    // Two writes side by side, then a third past an outside call: the two still go together.
    {
      code: service(
        'await this.prisma.order.create({ data: { id: input.id } });\n    await this.prisma.line.createMany({ data: input.lines ' +
          '});\n    await this.payments.charge(input);\n    await this.prisma.order.update({ where: { id: input.id }, data: { ' +
          'paid: true } });',
      ),
      errors: [
        {
          messageId: 'writesWithoutTransaction',
          message:
            'Method "placeOrder" writes with Prisma more than once outside a transaction (order.create, line.createMany, ' +
            'order.update): wrap the writes in this.prisma.$transaction(...) so they succeed or fail together.',
        },
      ],
    },
    // A read through the client, even a fluent one, is database work: it does not split the writes (real code: amplication's disconnectResourceGitRepository).
    {
      code: service(
        'await this.prisma.repo.update({ where: { id: input.id }, data: {} });\n    const left = await ' +
          'this.prisma.repo.findUnique({ where: { id: input.id } }).resources();\n    if (left.length === 0) await ' +
          'this.prisma.repo.delete({ where: { id: input.id } });',
      ),
      errors: [{ messageId: 'writesWithoutTransaction' }],
    },
    // A method of the class itself may check and throw between the writes: it does not split them.
    {
      code: service(
        'await this.prisma.order.create({ data: { id: input.id } });\n    await this.checkStock(input);\n    await ' +
          'this.prisma.stock.update({ where: { id: input.id }, data: {} });',
      ),
      errors: [{ messageId: 'writesWithoutTransaction' }],
    },
    // A loop that steps by one item is not a chunk loop.
    {
      code: service('for (let i = 0; i < input.lines.length; i += 1) {\n      await this.prisma.line.create({ data: input.lines[i] });\n    }'),
      errors: [{ messageId: 'writesWithoutTransaction' }],
    },
    // Swallowed writes before another write are part of the change: if the last one fails, they stay done (real code: ghostfolio's deleteUser).
    {
      code: service(
        'try {\n      await this.prisma.account.deleteMany({ where: { userId: input.id } });\n    } catch {}\n    return ' +
          'this.prisma.user.delete({ where: { id: input.id } });',
      ),
      errors: [{ messageId: 'writesWithoutTransaction' }],
    },
    // A log line whose argument calls something may fail after the write.
    {
      code: service(
        'try {\n      await this.prisma.cache.upsert({ where: { key: input.key }, create: input, update: input });\n      ' +
          'this.logger.info(this.describe(input));\n    } catch (error) {\n      await this.prisma.cache.upsert({ where: { key: ' +
          'input.key }, create: { key: input.key, failed: true }, update: { failed: true } });\n    }',
      ),
      errors: [{ messageId: 'writesWithoutTransaction' }],
    },
    // The block may fail after its write (a check of the class), so the catch's compensation runs after it: two writes.
    {
      code: service(
        'try {\n      await this.prisma.order.create({ data: input });\n      await this.checkStock(input);\n    } catch ' +
          '(error) {\n      await this.prisma.order.delete({ where: { id: input.id } });\n    }',
      ),
      errors: [{ messageId: 'writesWithoutTransaction' }],
    },
    // A catch that does not end the method runs on into what follows it.
    {
      code: service(
        'try {\n      await this.parser.parse(input);\n    } catch (error) {\n      await this.prisma.resource.update({ ' +
          "where: { id: input.id }, data: { status: 'failed' } });\n    }\n    await this.prisma.resource.update({ where: { id: " +
          "input.id }, data: { status: 'done' } });",
      ),
      errors: [{ messageId: 'writesWithoutTransaction' }],
    },
    // A const write that is awaited (or awaited besides being collected) runs on its own, whatever else goes to $transaction.
    {
      code: service(
        'const order = this.prisma.order.create({ data: input });\n    await order;\n    await ' +
          'this.prisma.$transaction([this.prisma.stock.update({ where: { id: 1 }, data: {} })]);\n    await ' +
          'this.prisma.audit.create({ data: {} });',
      ),
      errors: [{ messageId: 'writesWithoutTransaction' }],
    },
    // A catch that rethrows stops the loop half done; a try around the whole loop, too; two writes in one round still go together.
    {
      code: service(
        'for (const item of input.items) {\n      try {\n        await this.prisma.price.upsert({ where: { id: item.id }, ' +
          "create: item, update: item });\n      } catch (error) {\n        throw new Error('sync failed', { cause: error });\n    " +
          '  }\n    }',
      ),
      errors: [{ messageId: 'writesWithoutTransaction' }],
    },
    {
      code: service(
        'try {\n      for (const item of input.items) await this.prisma.price.create({ data: item });\n    } catch (error) {\n  ' +
          '    this.logger.error(error);\n    }',
      ),
      errors: [{ messageId: 'writesWithoutTransaction' }],
    },
    {
      code: service(
        'for (const item of input.items) {\n      try {\n        await this.prisma.line.create({ data: item });\n        await ' +
          'this.prisma.stock.update({ where: { id: item.stock }, data: {} });\n      } catch (error) {\n        ' +
          'this.logger.error(error);\n      }\n    }',
      ),
      errors: [{ messageId: 'writesWithoutTransaction' }],
    },
    // A branch that does not end the method runs before what follows it.
    {
      code: service(
        'if (input.reset) {\n      await this.prisma.line.deleteMany({ where: { orderId: input.id } });\n    }\n    return ' +
          'this.prisma.order.update({ where: { id: input.id }, data: input });',
      ),
      errors: [{ messageId: 'writesWithoutTransaction' }],
    },
    // Mapped writes without a transaction in the method are not batched.
    {
      code: service('await Promise.all(input.items.map((item) => this.prisma.line.create({ data: item })));'),
      errors: [{ messageId: 'writesWithoutTransaction' }],
    },
    {
      code: service(
        'const order = await this.prisma.order.create({ data: input });\n    await this.prisma.stock.update({ where: { id: ' +
          'input.item }, data: { count: { decrement: 1 } } });\n    return order;',
      ),
      errors: [
        {
          messageId: 'writesWithoutTransaction',
          line: 6,
          column: 9,
          message:
            'Method "placeOrder" writes with Prisma more than once outside a transaction (order.create, stock.update): wrap the ' +
            'writes in this.prisma.$transaction(...) so they succeed or fail together.',
        },
      ],
    },
    {
      code: service('for (const line of input.lines) {\n      await this.prisma.line.create({ data: line });\n    }'),
      errors: [
        {
          messageId: 'writesWithoutTransaction',
          message:
            'Method "placeOrder" writes with Prisma more than once outside a transaction (line.create in a loop): wrap the writes ' +
            'in this.prisma.$transaction(...) so they succeed or fail together.',
        },
      ],
    },
    {
      code: service('await Promise.all(input.lines.map((line) => this.prisma.line.create({ data: line })));'),
      errors: [{ messageId: 'writesWithoutTransaction' }],
    },
    {
      code: service('await Promise.all([\n      this.prisma.order.create({ data: input }),\n      this.prisma.audit.create({ data: {} }),\n    ]);'),
      errors: [{ messageId: 'writesWithoutTransaction' }],
    },
    // A write in a helper callback counts for the method.
    {
      code: service(
        'await this.prisma.order.delete({ where: { id: input.id } });\n    const log = async () => this.prisma.audit.create({ data: {} });\n    await log();',
      ),
      errors: [{ messageId: 'writesWithoutTransaction' }],
    },
    // A transaction elsewhere in the method does not cover the writes beside it.
    {
      code: service(
        'await this.prisma.audit.create({ data: {} });\n    await this.prisma.order.upsert({ where: { id: input.id }, create: ' +
          'input, update: input });\n    await this.prisma.$transaction(async (tx) => { await tx.stock.update({ where: { id: 1 }, ' +
          'data: {} }); });',
      ),
      errors: [
        {
          messageId: 'writesWithoutTransaction',
          message:
            'Method "placeOrder" writes with Prisma more than once outside a transaction (audit.create, order.upsert): wrap the ' +
            'writes in this.prisma.$transaction(...) so they succeed or fail together.',
        },
      ],
    },
    {
      code: service('await this.prisma.$executeRaw`UPDATE stock SET count = count - 1`;\n    await this.prisma.order.deleteMany({ where: { stale: true } });'),
      errors: [{ messageId: 'writesWithoutTransaction' }],
    },
    {
      code: service('await this.db.order.createMany({ data: input.orders });\n    await this.db.$executeRawUnsafe("DELETE FROM carts");').replace(
        'private readonly prisma',
        'private readonly db',
      ),
      errors: [
        {
          messageId: 'writesWithoutTransaction',
          message:
            'Method "placeOrder" writes with Prisma more than once outside a transaction (order.createMany, $executeRawUnsafe): ' +
            'wrap the writes in this.db.$transaction(...) so they succeed or fail together.',
        },
      ],
    },
    // Written to an array without a transaction anywhere: Promise.all style, not batched.
    {
      code: service('const writes = [this.prisma.order.create({ data: input }), this.prisma.audit.create({ data: {} })];\n    await Promise.all(writes);'),
      errors: [{ messageId: 'writesWithoutTransaction' }],
    },
    {
      code: service('await this.database.order.create({ data: input });\n    await this.database.audit.create({ data: {} });'),
      options: { clientNames: ['database'] },
      errors: [{ messageId: 'writesWithoutTransaction' }],
    },
    {
      code: service('await this.prisma.order.archive({ where: { id: 1 } });\n    await this.prisma.order.create({ data: input });'),
      options: { writeMethods: ['create', 'archive'] },
      errors: [{ messageId: 'writesWithoutTransaction' }],
    },
    {
      code:
        `import { Injectable as Service } from '@nestjs/common';\n@Service()\nexport class OrdersService {\n  cancel = async ` +
        `(id: number) => {\n    await this.prisma.order.update({ where: { id }, data: { status: 'cancelled' } });\n    await ` +
        `this.prisma.payment.update({ where: { orderId: id }, data: { refunded: true } });\n  };\n}\n`,
      errors: [{ messageId: 'writesWithoutTransaction', line: 4, column: 3 }],
    },
  ],
});
