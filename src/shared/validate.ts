// A small toolkit for checking untrusted values (messages, imported files). Each check returns the
// cleaned value or throws a ValidationError naming the field, so callers can say exactly what was
// wrong and where. Unknown fields are never copied through.

import { isPartialDate } from './partial-date';

export class ValidationError extends Error {
  constructor(readonly path: string, problem: string) {
    super(`${path}: ${problem}`);
  }
}

export type Json = Record<string, unknown>;

export function object(value: unknown, path: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ValidationError(path, 'must be an object');
  return value as Json;
}

export function string(value: unknown, path: string, max: number, { allowEmpty = true } = {}): string {
  if (typeof value !== 'string') throw new ValidationError(path, 'must be text');
  if (value.length > max) throw new ValidationError(path, `is longer than ${max} characters`);
  if (!allowEmpty && value.trim() === '') throw new ValidationError(path, 'must not be empty');
  return value;
}

export function optionalString(value: unknown, path: string, max: number): string | null {
  return value === undefined || value === null ? null : string(value, path, max);
}

export function oneOf<T extends string>(value: unknown, path: string, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new ValidationError(path, `must be one of ${allowed.join(', ')}`);
  }
  return value as T;
}

export function integer(value: unknown, path: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new ValidationError(path, `must be a whole number from ${min} to ${max}`);
  }
  return value;
}

export function array<T>(value: unknown, path: string, max: number, item: (v: unknown, path: string) => T): T[] {
  if (!Array.isArray(value)) throw new ValidationError(path, 'must be a list');
  if (value.length > max) throw new ValidationError(path, `has more than ${max} items`);
  return value.map((v, i) => item(v, `${path}[${i}]`));
}

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
export function partialDate(value: unknown, path: string): string {
  if (typeof value !== 'string' || !isPartialDate(value)) throw new ValidationError(path, 'must be a date like 2017, 2017-11 or 2017-11-21');
  return value;
}

export function optionalPartialDate(value: unknown, path: string): string | null {
  return value === undefined || value === null || value === '' ? null : partialDate(value, path);
}

// A pack's entities are namespaced by the pack: "scottish-digital:scotgov-digital".
const ENTITY_ID = /^[a-z0-9][a-z0-9-]{0,79}(:[a-z0-9][a-z0-9-]{0,79})?$/;

export function entityId(value: unknown, path: string): string {
  if (typeof value !== 'string' || !ENTITY_ID.test(value)) throw new ValidationError(path, 'must be an entity id (lower-case letters, digits, hyphens)');
  return value;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function uuid(value: unknown, path: string): string {
  if (typeof value !== 'string' || !UUID.test(value)) throw new ValidationError(path, 'must be a UUID');
  return value;
}

/** Runs a validation, turning a ValidationError into `false` for message validators. */
export function passes(check: () => unknown): boolean {
  try {
    check();
    return true;
  } catch (error) {
    if (error instanceof ValidationError) return false;
    throw error;
  }
}
