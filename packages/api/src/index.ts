import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "./root";

export { type AppRouter, appRouter, createCaller } from "./root";
export { articleProgress } from "./services/progress";
export { startReprocess } from "./services/reprocess";
export { submitArticle } from "./services/submit";
export type { Context } from "./trpc";
export * from "./auth/index";

export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
