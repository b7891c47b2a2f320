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
      "Credentials the posting required that the coder no longer holds as counting (expired, AAPC membership lapsed, ...), computed now; empty when all count. The practice's managers are also notified once per lapse.",
  })
  async credentialAlerts(@Parent() contract: Contract, @Loaders() loaders: RequestLoaders): Promise<CredentialAlert[]> {
    return this.alerts.alertsFor(loaders, contract);
  }
}
