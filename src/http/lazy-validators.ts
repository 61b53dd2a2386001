import { AjvCompiler } from '@fastify/ajv-compiler';

type BuildValidator = ReturnType<typeof AjvCompiler>;
type Compile = ReturnType<BuildValidator>;
type Validate = ReturnType<Compile> & { errors?: unknown };

/**
 * Fastify's ajv validators, each compiled at its route's first request instead of at start-up:
 * compiling the schemas of every REST route took a tenth of `tollgate start`'s CPU, for routes
 * most processes never serve. A validator behaves as the compiled one: its errors are copied
 * after each call, and Fastify passes it the same arguments (it looks for `schemaEnv`).
 */
export function lazyValidators(): BuildValidator {
  const build = AjvCompiler();
  return ((externalSchemas: unknown, options: unknown) => {
    const compile = (build as (s: unknown, o: unknown) => Compile)(externalSchemas, options);
    return (route: Parameters<Compile>[0]) => {
      let compiled: Validate | undefined;
      const validate = ((...args: unknown[]) => {
        compiled ??= compile(route) as Validate;
        const result = (compiled as (...a: unknown[]) => unknown)(...args);
        validate.errors = compiled.errors;
        return result;
      }) as Validate;
      (validate as { schemaEnv?: unknown }).schemaEnv = true;
      return validate;
    };
  }) as unknown as BuildValidator;
}
