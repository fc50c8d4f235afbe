// Reads an import file into validated records, or says exactly what is wrong and where. Nothing
// from the file is trusted: size, JSON, nesting, keys, format and version, counts, every field.
// Unknown fields are dropped. Hypothesis exports are recognised and converted.

import type { Claim } from '../claims/claim';
import { annotationBody } from '../claims/annotation-body';
import { parseClaimFields, parsePageTitle, parseTarget } from '../claims/validate-claim';
import { object, string, uuid, ValidationError, type Json } from '../validate';
import { claimTombstone, EXPORT_FORMAT, EXPORT_VERSION, URN } from './export-format';
import { readHypothesis } from './hypothesis';
import { ImportError, type ImportedData } from './imported-data';
import { fileNamesProblem, nameTotals } from './knowledge-limits';
import { IMPORT_LIMITS } from './limits';
import { readEntity } from './read-entity';
import { revision, time } from './read-fields';

export { IMPORT_LIMITS };
export { ImportError, type ImportedData };

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** `now` is the clock that timestamps in the file may not run far ahead of. */
export function readImport(text: string, now = Date.now()): ImportedData {
  if (text.length > IMPORT_LIMITS.bytes) throw new ImportError(`The file is too large (${Math.round(text.length / 1e6)} MB); the limit is ${IMPORT_LIMITS.bytes / 1e6} MB.`);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    if (error instanceof RangeError) throw new ImportError('The file nests too deeply to be a Sound Familiar export.');
    throw new ImportError('The file is not valid JSON.');
  }
  // Count before walking: a file of a million records is refused without reading them all.
  if (data && typeof data === 'object' && !Array.isArray(data)) {
    const top = data as Json;
    if (Array.isArray(top.claims) && top.claims.length > IMPORT_LIMITS.claims) throw new ImportError(`The file holds ${top.claims.length} claims; at most ${IMPORT_LIMITS.claims} can be imported at once.`);
    if (Array.isArray(top.entities) && top.entities.length > IMPORT_LIMITS.entities) throw new ImportError(`The file holds ${top.entities.length} entities; at most ${IMPORT_LIMITS.entities} can be imported at once.`);
  }
  if (Array.isArray(data) && data.length > IMPORT_LIMITS.claims) throw new ImportError(`The file holds ${data.length} annotations; at most ${IMPORT_LIMITS.claims} can be imported at once.`);
  checkShape(data, [], 0);
  if (Array.isArray(data) || (data && typeof data === 'object' && Array.isArray((data as Json).rows))) return readHypothesis(data, now);
  if (!data || typeof data !== 'object') throw new ImportError('This is not a Sound Familiar export (its "format" is missing or different).');
  const envelope = data as Json;
  if (envelope.format !== EXPORT_FORMAT) throw new ImportError('This is not a Sound Familiar export (its "format" is missing or different).');
  if (typeof envelope.version !== 'number' || !Number.isInteger(envelope.version) || envelope.version < 1) {
    throw new ImportError('The file has no valid "version".');
  }
  if (envelope.version > EXPORT_VERSION) {
    throw new ImportError(`The file was made by a newer Sound Familiar (format version ${envelope.version}); this one reads version ${EXPORT_VERSION}. Update the extension and try again.`);
  }
  const list = (value: unknown, name: string): unknown[] => {
    if (value === undefined) return [];
    if (!Array.isArray(value)) throw new ImportError(`${name}: must be a list`);
    return value;
  };
  const claims = list(envelope.claims, 'claims');
  const entities = list(envelope.entities, 'entities');
  if (claims.length > IMPORT_LIMITS.claims) throw new ImportError(`The file holds ${claims.length} claims; at most ${IMPORT_LIMITS.claims} can be imported at once.`);
  if (entities.length > IMPORT_LIMITS.entities) throw new ImportError(`The file holds ${entities.length} entities; at most ${IMPORT_LIMITS.entities} can be imported at once.`);
  let imported: ImportedData;
  try {
    imported = {
      kind: 'sound-familiar',
      deviceId: typeof envelope.deviceId === 'string' ? envelope.deviceId.slice(0, 64) : null,
      claims: claims.map((c, i) => readClaim(c, `claim ${i + 1}`, now)),
      entities: entities.map((e, i) => readEntity(e, `entity ${i + 1}`, now)),
    };
  } catch (error) {
    if (error instanceof ValidationError) throw new ImportError(error.message);
    throw error;
  }
  // Each entity may be fine and all of them together still too many to highlight.
  const tooMany = fileNamesProblem(nameTotals(imported.entities));
  if (tooMany) throw new ImportError(tooMany);
  return imported;
}

/**
 * Rejects what no honest export contains: prototype-polluting keys, absurd nesting, and numbers
 * too large for a double (JSON.parse reads `1e400` as Infinity, which exports as null and would
 * make every later export of the user's own data invalid). The path is kept as a stack of keys
 * and spelt out only for the message: building it as a string at every one of a large file's
 * million values took most of this walk's time.
 */
function checkShape(value: unknown, path: (string | number)[], depth: number): void {
  if (depth > IMPORT_LIMITS.depth) throw new ImportError(`The file nests more than ${IMPORT_LIMITS.depth} levels deep (at ${pathText(path).slice(0, 60) || 'the top'}…).`);
  if (typeof value === 'number' && !Number.isFinite(value)) throw new ImportError(`The file contains a number too large to store (at ${pathText(path) || 'the top'}).`);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      checkShape(value[i], path, depth + 1);
      path.pop();
    }
  } else if (value && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) throw new ImportError(`The file contains a forbidden key "${key}" (at ${pathText(path) || 'the top'}).`);
      path.push(key);
      checkShape((value as Json)[key], path, depth + 1);
      path.pop();
    }
  }
}

function pathText(path: readonly (string | number)[]): string {
  return path.map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? part : `.${part}`)).join('');
}

function annotationId(value: unknown, path: string): string {
  const text = string(value, path, 60);
  return uuid(text.startsWith(URN) ? text.slice(URN.length) : text, path);
}

export function readClaim(value: unknown, path: string, now: number): Claim {
  const v = object(value, path);
  if (v.type !== 'Annotation') throw new ValidationError(`${path}.type`, 'must be "Annotation"');
  const id = annotationId(v.id, `${path}.id`);
  const created = time(v.created, `${path}.created`, now);
  const modified = time(v.modified, `${path}.modified`, now);
  const sf = object(v.soundFamiliar, `${path}.soundFamiliar`);
  const { rev, revs } = revision(sf, `${path}.soundFamiliar`);
  if (sf.deleted !== undefined) {
    return { ...claimTombstone(id, created, time(sf.deleted, `${path}.soundFamiliar.deleted`, now)), modified, rev, revs };
  }
  const target = parseTarget(v.target, `${path}.target`);
  const fields = parseClaimFields(sf, `${path}.soundFamiliar`);
  return {
    ...fields, id, type: 'Annotation', motivation: 'assessing', target, body: annotationBody(fields),
    pageTitle: parsePageTitle(sf.pageTitle, `${path}.soundFamiliar.pageTitle`), created, modified, rev, revs,
  };
}
