export * from "./article";
export * from "./ingest";
export * from "./paragraph";
export * from "./source";
