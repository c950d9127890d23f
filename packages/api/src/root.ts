import { adminRouter } from "./routers/admin";
import { articleRouter } from "./routers/article";
import { entityRouter } from "./routers/entity";
import { eventRouter } from "./routers/event";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  admin: adminRouter,
  article: articleRouter,
  entity: entityRouter,
  event: eventRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
