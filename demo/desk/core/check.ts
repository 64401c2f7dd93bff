/** Parses a request part with a zod schema, or throws a DocsViolation (400 and a recorded violation). */
import type { z } from 'zod';
import { DocsViolation } from './types';

export function check<T extends z.ZodType>(schema: T, value: unknown, where: string): z.infer<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new DocsViolation(
    result.error.issues.map((i) => `${where}${i.path.length ? '.' + i.path.join('.') : ''}: ${i.message}`),
  );
}
