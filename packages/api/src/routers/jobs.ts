import { createTRPCRouter } from "../trpc";

export const jobsRouter = createTRPCRouter({});
