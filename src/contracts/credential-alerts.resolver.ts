import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Loaders, RequestLoaders } from '../common/loaders/request-loaders.js';
import { CredentialAlertsService } from './credential-alerts.service.js';
import { Contract } from './dto/contract.model.js';
import { CredentialAlert } from './dto/credential-alert.model.js';

@Resolver(() => Contract)
export class ContractCredentialAlertsResolver {
  constructor(private readonly alerts: CredentialAlertsService) {}

  @ResolveField(() => [CredentialAlert], {
    description:
      "The posting's requirement groups that the coder's counting credentials no longer meet ('any of CPC, CCS-P' only once neither counts; apprentice designations where the posting accepts them), each with the credential that stopped counting (expired, AAPC membership lapsed, ...), computed now; empty when every group is met. The practice's managers are also notified once per lapse.",
  })
  async credentialAlerts(@Parent() contract: Contract, @Loaders() loaders: RequestLoaders): Promise<CredentialAlert[]> {
    return this.alerts.alertsFor(loaders, contract);
  }
}
