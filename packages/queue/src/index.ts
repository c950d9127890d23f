export * from "./connection";
export * from "./ingest";
export * from "./maintenance";
export * from "./enrich";
export * from "./stories";
export * from "./feeds";
export * from "./stages";
export * from "./alerts";
