export * from "./articles";
export * from "./fingerprints";
export * from "./reprocess";
export * from "./sources";
