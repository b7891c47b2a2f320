import { Controller, Get, Param, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Public } from '../common/auth/decorators.js';
import { NOT_FOUND_PAGE, PUBLIC_PAGE_CSP, renderPublicProfile, renderSitemap } from './public-profile-page.js';
import { PublicProfilesService } from './public-profiles.service.js';

/**
 * Server-rendered public profile pages (GET /coders/<slug>) and their sitemap (GET /sitemap.xml): HTML
 * with no JavaScript, for search engines and links shared outside ChartBridge. Rate limited like any route.
 */
@Controller()
export class PublicProfilesController {
  constructor(private readonly publicProfiles: PublicProfilesService) {}

  @Public()
  @Get('coders/:slug')
  async page(@Param('slug') slug: string, @Res() reply: FastifyReply): Promise<void> {
    const view = await this.publicProfiles.viewBySlug(slug);
    reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('content-security-policy', PUBLIC_PAGE_CSP)
      .header('x-content-type-options', 'nosniff')
      .header('referrer-policy', 'strict-origin-when-cross-origin');
    // Five minutes in shared caches: an opted-out or held profile leaves them within that; a miss is not cached.
    if (!view) await reply.code(404).header('cache-control', 'no-store').send(NOT_FOUND_PAGE);
    else await reply.code(200).header('cache-control', 'public, max-age=300').send(renderPublicProfile(view));
  }

  @Public()
  @Get('sitemap.xml')
  async sitemap(@Res() reply: FastifyReply): Promise<void> {
    const entries = await this.publicProfiles.sitemapEntries();
    await reply.code(200).header('content-type', 'application/xml; charset=utf-8').header('cache-control', 'public, max-age=3600').send(renderSitemap(entries));
  }
}
