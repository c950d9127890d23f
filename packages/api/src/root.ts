import { adminRouter } from "./routers/admin";
import { articleRouter } from "./routers/article";
import { compareRouter } from "./routers/compare";
import { entityRouter } from "./routers/entity";
import { eventRouter } from "./routers/event";
import { feedRouter } from "./routers/feed";
import { jobsRouter } from "./routers/jobs";
import { searchRouter } from "./routers/search";
import { sourceRouter } from "./routers/source";
import { storyRouter } from "./routers/story";
import { subscriptionRouter } from "./routers/subscription";
import { watchRouter } from "./routers/watch";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  admin: adminRouter,
  article: articleRouter,
  compare: compareRouter,
  entity: entityRouter,
  event: eventRouter,
  feed: feedRouter,
  jobs: jobsRouter,
  search: searchRouter,
  source: sourceRouter,
  story: storyRouter,
  subscription: subscriptionRouter,
  watch: watchRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
