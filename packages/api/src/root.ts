import { adminRouter } from "./routers/admin";
import { articleRouter } from "./routers/article";
import { compareRouter } from "./routers/compare";
import { entityRouter } from "./routers/entity";
import { eventRouter } from "./routers/event";
import { storyRouter } from "./routers/story";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  admin: adminRouter,
  article: articleRouter,
  compare: compareRouter,
  entity: entityRouter,
  event: eventRouter,
  story: storyRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
