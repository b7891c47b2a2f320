import { Module } from '@nestjs/common';
import { ExplorerAssetsController } from './explorer-assets.controller.js';
import { ExplorerPage } from './explorer-page.js';

/**
 * The GraphQL explorer (GraphiQL) served entirely by the API from its own dependencies: the page at
 * GET /graphql for browsers, its files under /explorer. Imported only when the explorer is enabled.
 */
@Module({
  controllers: [ExplorerAssetsController],
  providers: [ExplorerPage],
  exports: [ExplorerPage],
})
export class ExplorerModule {}
