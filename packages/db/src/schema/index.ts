export * from "./articles";
export * from "./sources";
