import { createTRPCRouter } from "../trpc";

export const watchRouter = createTRPCRouter({});
