/**
 * Small building blocks for the zod (mini) schemas of the register and the messages: strings with length bounds
 * and non-negative whole numbers (times in ms, counts), the two shapes nearly every field has.
 */
import * as z from 'zod/mini';

/** A string of `min` to `max` characters. */
export const text = (min: number, max: number) =>
  min > 0 ? z.string().check(z.minLength(min), z.maxLength(max)) : z.string().check(z.maxLength(max));

/** A whole number ≥ 0 (a time in ms since 1970, a count). */
export const count = () => z.int().check(z.nonnegative());
