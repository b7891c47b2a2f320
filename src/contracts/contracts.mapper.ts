import { WorkLog } from './dto/billing.models.js';
import { WorkLogEntity } from './work-log.entity.js';

export const toWorkLog = (log: WorkLogEntity): WorkLog => ({
  id: log.id,
  contractId: log.contractId,
  workedOn: log.workedOn,
  minutes: log.minutes,
  charts: log.charts,
  note: log.note,
  invoiced: log.invoiceId !== null,
});
