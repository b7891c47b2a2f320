import { BadRequestException, Controller, Headers, HttpCode, Logger, Post, Req } from '@nestjs/common';
import type { RawBodyRequest } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Public } from '../common/auth/decorators.js';
import { PaymentsGateway } from './gateway/payments-gateway.js';
import { InvalidWebhookError } from './gateway/webhook-event.js';
import { StripeEventsService } from './stripe-events.service.js';

/** POST /webhooks/stripe: raw body, signature (and its timestamp) checked, event shape checked, stored by event id, applied once. */
@Controller('webhooks')
export class WebhooksController {
  private readonly logger = new Logger(WebhooksController.name);

  constructor(
    private readonly gateway: PaymentsGateway,
    private readonly events: StripeEventsService,
  ) {}

  @Public()
  @Post('stripe')
  @HttpCode(200)
  async stripe(@Req() request: RawBodyRequest<FastifyRequest>, @Headers('stripe-signature') signature?: string): Promise<{ received: true; duplicate: boolean }> {
    let event;
    try {
      event = this.gateway.parseWebhook(request.rawBody ?? Buffer.alloc(0), signature);
    } catch (error) {
      const reason = error instanceof Error ? [error.message, error.cause instanceof Error ? error.cause.message : null].filter(Boolean).join(': ') : 'invalid';
      this.logger.warn(`rejected a webhook: ${reason}`);
      // Nothing is stored for a refused event: its message (ours) says what was wrong with it.
      throw new BadRequestException(error instanceof InvalidWebhookError ? error.message : 'Invalid Stripe signature');
    }
    const applied = await this.events.apply(event);
    return { received: true, duplicate: !applied };
  }
}
