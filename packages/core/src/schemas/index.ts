export * from "./article";
export * from "./digest";
export * from "./enrichment";
export * from "./ingest";
export * from "./paragraph";
export * from "./source";
