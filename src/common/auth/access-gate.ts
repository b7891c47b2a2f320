import { ForbiddenError, NotFoundError } from '../errors/app-error.js';

/** Who holds a permission, and what anyone else with a standing toward the object is told. */
export interface PermissionRule<Standing extends string> {
  /** The standings that hold the permission. */
  holders: readonly Standing[];
  /** The FORBIDDEN message for a standing that does not hold it. */
  refusal: string;
}

/** A concept's permission table: every permission it answers for, with its holders. */
export type PermissionTable<Permission extends string, Standing extends string> = Record<Permission, PermissionRule<Standing>>;

/**
 * The access gate's one decision, the same for every concept (contract, organization). No standing
 * toward the object (another tenant's, or no caller at all) answers NOT_FOUND naming `subject`, the
 * same answer as for an id that does not exist, so ids cannot be probed; a standing without the
 * permission (wrong side, wrong membership role, an admin where only the parties act) answers
 * FORBIDDEN. Returns the standing. A state that forbids the act (CONFLICT) is for the service to
 * check afterwards.
 */
export function decide<Permission extends string, Standing extends string>(table: PermissionTable<Permission, Standing>, standing: Standing | null, permission: Permission, subject: string): Standing {
  if (standing === null) throw new NotFoundError(subject);
  if (!table[permission].holders.includes(standing)) throw new ForbiddenError(table[permission].refusal);
  return standing;
}

/** Whether `standing` holds `permission` (false without a standing). */
export function holds<Permission extends string, Standing extends string>(table: PermissionTable<Permission, Standing>, standing: Standing | null, permission: Permission): boolean {
  return standing !== null && table[permission].holders.includes(standing);
}
