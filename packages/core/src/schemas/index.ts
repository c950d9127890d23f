export * from "./article";
export * from "./briefing";
export * from "./comparison";
export * from "./digest";
export * from "./enrichment";
export * from "./ingest";
export * from "./paragraph";
export * from "./source";
