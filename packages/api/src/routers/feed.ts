import { createTRPCRouter } from "../trpc";

export const feedRouter = createTRPCRouter({});
