export * from "./articles";
export * from "./comparisons";
export * from "./enrichment";
export * from "./fingerprints";
export * from "./reprocess";
export * from "./sources";
export * from "./stories";
export * from "./watches";
