import type { PluginContext } from '@workbench/plugin-api';
import { CatalogToken } from '../tokens.js';
import { createCatalogService } from './catalog-service.js';
import { addCompetitorPriceRoute } from './competitor-prices.js';
import { addExportRoute } from './csv-export.js';
import { registerProductImporter } from './csv-import.js';
import { addCategoryRoutes } from './category-routes.js';
import { addProductRoutes } from './product-routes.js';
import { provideProductSearch } from './quick-open.js';
import { addSkuRoutes } from './sku-routes.js';
import { registerCatalogSchemas } from './schemas.js';
import { addRevisionRoutes } from '../revisions/revision-routes.js';
import { addRevisionSchemas } from '../revisions/revision-schemas.js';

/**
 * The catalog: categories, products, SKUs, CSV import/export, the `catalog` service and quick open;
 * changes to a listed product wait in a revision for a second person's review.
 */
export function registerCatalog(ctx: PluginContext): void {
  registerCatalogSchemas(ctx);
  addRevisionSchemas(ctx);
  addCategoryRoutes(ctx);
  addExportRoute(ctx);
  addProductRoutes(ctx);
  addSkuRoutes(ctx);
  addCompetitorPriceRoute(ctx);
  addRevisionRoutes(ctx);
  ctx.services.provide(CatalogToken, createCatalogService(ctx));
  provideProductSearch(ctx);
  registerProductImporter(ctx);
}
