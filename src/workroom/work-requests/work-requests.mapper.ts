import { WorkRequest } from './dto/work-request.models.js';
import { WorkRequestEntity, WorkRequestStatus } from './work-request.entity.js';

/** A work request as both parties see it; its chart counts are field resolvers (from its batches). `overdue`: OPEN and past its due time at `now`. */
export const toWorkRequest = (request: WorkRequestEntity, now = new Date()): WorkRequest => ({
  id: request.id,
  contractId: request.contractId,
  title: request.title,
  chartCount: request.chartCount,
  dueAt: request.dueAt,
  priority: request.priority,
  status: request.status,
  overdue: request.status === WorkRequestStatus.OPEN && request.dueAt.getTime() < now.getTime(),
  createdAt: request.createdAt,
  completedAt: request.completedAt,
  deliveredAt: request.deliveredAt,
  cancelledAt: request.cancelledAt,
});
