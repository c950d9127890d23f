export * from "./discover";
export * from "./opml";
export * from "./parse";
export * from "./schedule";
export * from "./schemas";
