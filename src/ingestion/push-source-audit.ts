import type { AuditEntry } from '../auth/audit.service.js';
import type { Principal } from '../auth/principal.js';
import type { PushSource } from './ingest.service.js';

/** The audit entry for a push source created on the fly by an ingest call or an import. */
export function pushSourceCreated(actor: Principal | null, source: PushSource, via: 'ingest' | 'import'): AuditEntry {
  return {
    actor,
    action: 'source.create-push',
    targetType: 'source',
    targetId: source.id,
    details: { name: source.name, via },
  };
}
