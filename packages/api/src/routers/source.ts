import { createTRPCRouter } from "../trpc";

export const sourceRouter = createTRPCRouter({});
