import { Controller, Get, Header, NotFoundException, Param, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Public } from '../common/auth/decorators.js';
import { SkipRateLimit } from '../common/throttling/throttling.js';
import { ExplorerAsset, loadExplorerAssets } from './explorer-assets.js';
import { EXPLORER_ASSETS_PATH, EXPLORER_CSP } from './explorer-page.js';

/** Serves the explorer page's scripts and stylesheet from the installed packages (GET /explorer/<file>). */
@Controller(EXPLORER_ASSETS_PATH.slice(1))
@SkipRateLimit()
export class ExplorerAssetsController {
  private readonly assets: Map<string, ExplorerAsset> = loadExplorerAssets();

  @Public()
  @Get(':file')
  // The files change only with the installed packages, i.e. with a deploy: an hour in the browser's cache.
  @Header('cache-control', 'public, max-age=3600')
  @Header('x-content-type-options', 'nosniff')
  @Header('content-security-policy', EXPLORER_CSP)
  asset(@Param('file') file: string, @Res({ passthrough: true }) reply: FastifyReply): Buffer | string {
    const asset = this.assets.get(file);
    if (!asset) throw new NotFoundException(`No explorer file ${file}`);
    reply.header('content-type', asset.contentType);
    return asset.body;
  }
}
