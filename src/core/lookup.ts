// Global-id helpers shared by core and modules: inputs take Relay global ids and say clearly when one
// is malformed or of the wrong type.
import { decodeGlobalID } from '@pothos/plugin-relay';
import { ValidationError } from '../errors.js';

export function parseId(globalId: string, typename: string, path = 'id'): string {
  let decoded: { typename: string; id: string };
  try {
    decoded = decodeGlobalID(globalId);
  } catch {
    throw new ValidationError([{ path, message: `不是有效的 ID (not a valid ${typename} id)` }]);
  }
  if (decoded.typename !== typename || !decoded.id) {
    throw new ValidationError([{ path, message: `应为 ${typename} 的 ID (expected a ${typename} id)` }]);
  }
  return decoded.id;
}

export const parseOptionalId = (globalId: string | null | undefined, typename: string, path = 'id') =>
  globalId == null ? null : parseId(globalId, typename, path);
