export * from "./client";
export * from "./queries/articles";
export * from "./queries/pipeline";
export * from "./queries/submit";
export * from "./queries/duplicates";
export * from "./queries/reprocess";
export * from "./queries/enrichment";
export * from "./queries/entities";
