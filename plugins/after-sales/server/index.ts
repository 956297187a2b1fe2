import type { PluginContext } from '@workbench/plugin-api';
import { addCaseRoutes } from './case-routes.js';
import { CasesToken, createCasesService } from './case-service.js';
import { scheduleDeadlineWarnings } from './deadline-job.js';
import { registerDemo } from './demo/demo-cases.js';
import { listenToImports } from './import-cases.js';
import { addClaimRoutes } from './claims/claim-routes.js';
import { addDisputeRoutes } from './disputes/dispute-routes.js';
import { addFigureRoutes } from './figures/figure-routes.js';
import { addPhotoRoutes } from './photos/photo-routes.js';
import { addFollowUpRoutes } from './follow-ups/follow-up-routes.js';
import { addReturnRoutes } from './returns/return-routes.js';
import { addReviewRoutes } from './reviews/review-routes.js';

export function activate(ctx: PluginContext): void {
  // Routes, the import listener and the job reach the tables only through the store (server/case-store.ts).
  addCaseRoutes(ctx);
  listenToImports(ctx);
  scheduleDeadlineWarnings(ctx);
  addReviewRoutes(ctx);
  addReturnRoutes(ctx);
  addFigureRoutes(ctx);
  addDisputeRoutes(ctx);
  registerDemo(ctx);
  addPhotoRoutes(ctx);
  addFollowUpRoutes(ctx);
  addClaimRoutes(ctx);
  ctx.services.provide(CasesToken, createCasesService(ctx));
}
