import type { JsonSchema } from './types';

// The type a schema accepts rides along as a phantom property: it exists only for inference, so a
// rule's options type, JSON schema and defaults come from one declaration and cannot disagree.
declare const VALUE: unique symbol;

/** A JSON schema and the TypeScript type of the values it accepts. */
export interface OptionSchema<T> {
  readonly schema: JsonSchema;
  /** The `default` the schema publishes, when it has one. */
  readonly default?: T;
  readonly [VALUE]?: T;
}

/** A schema with a default, as every option of a rule needs. */
export type DefaultedSchema<T> = OptionSchema<T> & { readonly default: T };

/** The type of the values `S` accepts. */
export type ValueOf<S> = S extends OptionSchema<infer T> ? T : never;

/** Said of any value: what it means (shown in editors and docs) and what it is when not set. */
export interface Annotations<T> {
  description?: string;
  default?: T;
}

/** A builder's result: with `default` in its type exactly when the annotations gave one. */
type Built<T, A> = A extends { default: unknown } ? DefaultedSchema<T> : OptionSchema<T>;

type Simplify<T> = { [K in keyof T]: T[K] } & {};

type Properties = Record<string, OptionSchema<unknown>>;

/** An object of `P`: the keys in `R` are required, the others optional. */
export type ObjectValue<P extends Properties, R extends keyof P = never> = Simplify<
  { -readonly [K in R]: ValueOf<P[K]> } & { -readonly [K in Exclude<keyof P, R>]?: ValueOf<P[K]> }
>;

function built<T, A extends Annotations<T>>(schema: JsonSchema, annotations: A | undefined): Built<T, A> {
  const { description, default: fallback } = annotations ?? {};
  const full: JsonSchema = { ...schema };
  if (description !== undefined) full.description = description;
  if (fallback !== undefined) full.default = fallback;
  return (fallback === undefined ? { schema: full } : { schema: full, default: fallback }) as Built<T, A>;
}

/** Keeps the keys whose value is set, in the order given: the published schema lists them so. */
function defined(schema: Record<string, unknown>): JsonSchema {
  return Object.fromEntries(Object.entries(schema).filter(([, value]) => value !== undefined));
}

interface StringBounds {
  minLength?: number;
  maxLength?: number;
  pattern?: string;
}

interface NumberBounds {
  minimum?: number;
  maximum?: number;
}

interface ArrayBounds {
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
}

/**
 * Builders of option schemas. Each returns the JSON schema and carries its TypeScript type:
 * `option.boolean({ default: true, description: '...' })` is a `boolean` option defaulting to true.
 */
export const option = {
  boolean<A extends Annotations<boolean>>(annotations?: A): Built<boolean, A> {
    return built({ type: 'boolean' }, annotations);
  },
  string<A extends Annotations<string> & StringBounds>(annotations?: A): Built<string, A> {
    const { minLength, maxLength, pattern } = annotations ?? {};
    return built(defined({ type: 'string', minLength, maxLength, pattern }), annotations);
  },
  integer<A extends Annotations<number> & NumberBounds>(annotations?: A): Built<number, A> {
    return built(defined({ type: 'integer', minimum: annotations?.minimum, maximum: annotations?.maximum }), annotations);
  },
  number<A extends Annotations<number> & NumberBounds>(annotations?: A): Built<number, A> {
    return built(defined({ type: 'number', minimum: annotations?.minimum, maximum: annotations?.maximum }), annotations);
  },
  /** One of `values` (`as const` keeps their literal types). */
  enumOf<const V extends readonly (string | number | boolean)[], A extends Annotations<V[number]> = Annotations<V[number]>>(
    values: V,
    annotations?: A,
  ): Built<V[number], A> {
    return built({ enum: [...values] }, annotations);
  },
  arrayOf<T, A extends Annotations<T[]> & ArrayBounds>(items: OptionSchema<T>, annotations?: A): Built<T[], A> {
    const { minItems, maxItems, uniqueItems } = annotations ?? {};
    return built(defined({ type: 'array', items: items.schema, minItems, maxItems, uniqueItems }), annotations);
  },
  /** A list of non-empty strings (globs, names), the commonest option. */
  stringArray<A extends Annotations<string[]> & ArrayBounds>(annotations?: A): Built<string[], A> {
    return option.arrayOf(option.string({ minLength: 1 }), annotations);
  },
  /** An object with any keys, each holding a `values`. */
  record<T, A extends Annotations<Record<string, T>>>(values: OptionSchema<T>, annotations?: A): Built<Record<string, T>, A> {
    return built({ type: 'object', additionalProperties: values.schema }, annotations);
  },
  /** An object with exactly `properties` (unknown keys are refused); those in `required` must be set. */
  object<P extends Properties, R extends keyof P & string = never>(
    properties: P,
    annotations?: { description?: string; required?: readonly R[] },
  ): OptionSchema<ObjectValue<P, R>> {
    const { description, required = [] } = annotations ?? {};
    return {
      schema: defined({
        type: 'object',
        additionalProperties: false,
        description,
        required: required.length > 0 ? [...required] : undefined,
        properties: Object.fromEntries(Object.entries(properties).map(([name, property]) => [name, property.schema])),
      }),
    };
  },
  /** A schema the builders cannot say, with the type it accepts stated by hand. */
  custom<T, A extends Annotations<T> = Annotations<T>>(schema: JsonSchema, annotations?: A): Built<T, A> {
    return built(schema, annotations);
  },
};

/** A rule's options, declared once: the published schema, the defaults and (by inference) the type. */
export interface OptionsDefinition<O> {
  /** An object schema that refuses unknown keys, each option with its description and default. */
  readonly schema: JsonSchema;
  /** The options a rule runs with where the config sets none. */
  readonly defaults: O;
}

/** The options type of a definition: `type NoPrintOptions = OptionsOf<typeof options>`. */
export type OptionsOf<D> = D extends OptionsDefinition<infer O> ? O : never;

/**
 * Declares a rule's options. Every option needs a `default` (a rule always runs with a value for
 * each) and a `description` (editors and docs show it); a config may set any of them.
 */
export function defineOptions<P extends Record<string, DefaultedSchema<unknown>>>(
  properties: P,
): OptionsDefinition<{ -readonly [K in keyof P]: ValueOf<P[K]> }> {
  const missing = Object.entries(properties).filter(([, property]) => typeof property.schema.description !== 'string' || property.default === undefined);
  if (missing.length > 0) throw new Error(`every option needs a description and a default: ${missing.map(([name]) => name).join(', ')}`);
  const { schema } = option.object(properties);
  const defaults = Object.fromEntries(Object.entries(properties).map(([name, property]) => [name, property.default]));
  return { schema, defaults: defaults as { -readonly [K in keyof P]: ValueOf<P[K]> } };
}
